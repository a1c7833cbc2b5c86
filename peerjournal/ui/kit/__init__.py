"""What every screen shares: the worker, theme, translations, icons, UI preferences, labels.

The kit imports nothing from the feature folders or the shell.
"""
