"""The journal screens: the entry list and its model, the editor, preview, tags and filters.

Imports only ``app/``, domain value types and ``ui.kit``; never another feature.
"""
