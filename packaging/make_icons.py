"""Make the Windows .ico and macOS .icns from the hicolor PNGs (run once; commit the results).

Needs Pillow, which the app itself never uses: `.venv/bin/pip install pillow` first. Each size
comes from its own PNG; only the .icns 1024-pixel (512@2x) entry is scaled up by Pillow.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
OUT = Path(__file__).resolve().parent / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def png(size: int) -> Image.Image:
    """The hicolor PNG of `size` pixels, as RGBA."""
    return Image.open(HICOLOR / f"{size}x{size}" / "apps" / "misma-luna.png").convert("RGBA")


def main() -> None:
    """Write misma-luna.ico and misma-luna.icns next to this script."""
    OUT.mkdir(exist_ok=True)
    largest = png(256)
    largest.save(
        OUT / "misma-luna.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[png(s) for s in ICO_SIZES if s != 256],
    )
    big = png(512)
    big.save(OUT / "misma-luna.icns", append_images=[png(s) for s in ICNS_SIZES if s != 512])
    for name in ("misma-luna.ico", "misma-luna.icns"):
        with Image.open(OUT / name) as image:
            print(name, sorted(image.info.get("sizes", set())) or image.size)


if __name__ == "__main__":
    main()
