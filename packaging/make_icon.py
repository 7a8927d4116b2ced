"""Draw the application icon: a house with a key hanging in its doorway and 交 (交接, handover) on its roof.

    python packaging/make_icon.py

writes resources/icons/handoverdesk.png (256 px, the window icon) and resources/icons/handoverdesk.ico
(16, 20, 24, 32, 40, 48, 64, 128 and 256 px: Explorer, the taskbar and the shortcuts pick their size).
Both files are committed; run this again only to change the drawing. Needs Pillow (a dependency of the app)
and the bundled font for 交.
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
SCALE = 4  # drawn at 4 × 256 px and scaled down: smooth edges without an antialiasing canvas
BLUE, ROOF, WHITE, GOLD = (25, 91, 166, 255), (214, 69, 47, 255), (255, 255, 255, 255), (241, 177, 39, 255)


def draw(size: int = 256) -> Image.Image:
    s = size * SCALE
    u = s / 256  # one unit of the 256-unit grid below

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        return x0 * u, y0 * u, x1 * u, y1 * u

    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle(box(8, 8, 248, 248), radius=44 * u, fill=BLUE)  # the tile
    d.polygon([(128 * u, 26 * u), (232 * u, 116 * u), (24 * u, 116 * u)], fill=ROOF)  # the roof
    d.rectangle(box(52, 112, 204, 222), fill=WHITE)  # the walls
    font = ImageFont.truetype(str(FONT), int(64 * u))
    d.text((128 * u, 84 * u), "交", font=font, fill=WHITE, anchor="mm")  # on the roof
    # The key: a ring and a bit in the doorway, gold on white.
    d.ellipse(box(92, 128, 140, 176), fill=GOLD)
    d.ellipse(box(106, 142, 126, 162), fill=WHITE)
    d.rectangle(box(136, 146, 190, 158), fill=GOLD)
    d.rectangle(box(166, 158, 176, 176), fill=GOLD)
    d.rectangle(box(182, 158, 190, 170), fill=GOLD)
    d.rectangle(box(84, 190, 172, 202), fill=BLUE)  # the desk's edge under the key
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw(256)
    big.save(OUT / "handoverdesk.png", optimize=True)
    # Each size drawn on its own (not scaled from 256) keeps the small ones crisp.
    images = [draw(n) for n in ICO_SIZES]
    images[-1].save(OUT / "handoverdesk.ico", format="ICO", sizes=[(n, n) for n in ICO_SIZES],
                    append_images=images[:-1])
    print(f"{OUT / 'handoverdesk.png'}\n{OUT / 'handoverdesk.ico'}")


if __name__ == "__main__":
    main()
