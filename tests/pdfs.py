"""A PDF as a person meets it: its pages drawn as PNG images by poppler's pdftoppm
(what a printer or a viewer shows), and its text as pdftotext reads it off the page."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageOps


def pdf_text(body: bytes) -> str:
    """The text of every page, laid out as printed: one line of the record a line."""
    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=body, capture_output=True, check=True
    )
    return done.stdout.decode()


def pdf_pages(body: bytes, folder: Path | None = None) -> list[Image.Image]:
    """Each page drawn at 50 dpi, as PNG files in `folder` (kept) or a scratch one."""
    with tempfile.TemporaryDirectory() as scratch:
        where = folder or Path(scratch)
        where.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "50", "-", str(where / "page")], input=body, check=True
        )
        pages = []
        for png in sorted(where.glob("page-*.png")):
            with Image.open(png) as image:
                pages.append(image.convert("L"))
        return pages


def inked(page: Image.Image) -> tuple[int, int, int, int] | None:
    """The box of what is printed on the page; None for a blank one."""
    return ImageOps.invert(page).getbbox()
