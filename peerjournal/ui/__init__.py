"""ui layer."""

import sys

if sys.version_info < (3, 12):  # pragma: no cover - depends on the interpreter
    import ctypes

    # PySide6 6.12 on Python 3.11 drops a reference to True on every Python-side
    # Signal.emit() (and to None in processEvents(flags, ms)); after a few hundred emits
    # the interpreter aborts with "bool_dealloc: deallocating True or False". Python 3.12+
    # makes these singletons immortal; do the same here so the bug cannot reach zero.
    for _singleton in (True, False, None):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40
