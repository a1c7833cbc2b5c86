"""QR codes of invite codes (segno): SVG/PNG bytes for the GUI, text for a terminal."""

from __future__ import annotations

import io

import segno


def _qr(code: str) -> segno.QRCode:
    if not isinstance(code, str) or not code:
        raise ValueError("an invite code is needed")
    return segno.make(code, error="m", micro=False)


def invite_qr_svg(code: str, *, scale: int = 4) -> bytes:
    """The QR code of ``code`` as a standalone SVG document."""
    buf = io.BytesIO()
    _qr(code).save(buf, kind="svg", scale=scale, border=4, xmldecl=False)
    return buf.getvalue()


def invite_qr_png(code: str, *, scale: int = 6) -> bytes:
    """The QR code of ``code`` as PNG bytes."""
    buf = io.BytesIO()
    _qr(code).save(buf, kind="png", scale=scale, border=4)
    return buf.getvalue()


def invite_qr_text(code: str) -> str:
    """The QR code drawn with Unicode half blocks, for printing in a terminal."""
    buf = io.StringIO()
    _qr(code).terminal(out=buf, compact=True, border=2)
    return buf.getvalue()
