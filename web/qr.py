"""A QR code of a link, as inline SVG drawn on the server (no script, no image request)."""

import io

import segno
from markupsafe import Markup


def qr_svg(text: str, scale: int = 4) -> Markup:
    code = segno.make(text, error="m")
    out = io.BytesIO()
    code.save(out, kind="svg", scale=scale, border=2, xmldecl=False, svgclass="qr", lineclass="")
    return Markup(out.getvalue().decode("utf-8"))  # segno's own output: no user markup in it
