"""The frame around the features: main window, tray, locking, first run, settings, crisis page.

The shell (with ``ui/app.py``) is the only part of the UI that composes the feature folders;
it opens the heavier ones (mood, peers, the share dialog) lazily.
"""
