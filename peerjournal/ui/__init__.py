"""The desktop app: the only package that imports PySide6 (a test enforces it).

By feature: ``journal/``, ``mood/``, ``peers/``; ``shell/`` (window, tray, lock, settings)
composes them; ``kit/`` holds what they share; ``app.py`` starts it all.
"""
