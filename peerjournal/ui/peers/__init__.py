"""The peers screens: the peers page, the feed and time on it, the pairing and share dialogs.

Imports only ``app/``, domain value types and ``ui.kit``; never another feature.
"""
