"""The mood screens: the mood page with its charts, year in pixels and insights; the check-in.

Imports only ``app/``, domain value types and ``ui.kit``; never another feature. QtCharts is
loaded only when the shell first opens a mood screen.
"""
