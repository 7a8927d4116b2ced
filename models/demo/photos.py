"""Made-up site photos for a few demo defects, so notices print with pictures (drawn, deterministic)."""
from __future__ import annotations

import io
import random
from collections.abc import Iterator

from PIL import Image, ImageDraw

from ..defect import DefectPhoto
from ..photos import prepare_photo
from .writer import Row

PHOTOGRAPHED = 24  # the first defects of the register get pictures; enough for the notices shown


def _wall(rng: random.Random) -> bytes:
    """Tiles on a wall with a crack and a missing tile: what a clerk photographs at inspection."""
    img = Image.new("RGB", (1200, 900), (rng.randint(170, 200),) * 3)
    draw = ImageDraw.Draw(img)
    for y in range(0, 900, 90):
        for x in range(0, 1200, 120):
            draw.rectangle([x + 3, y + 3, x + 117, y + 87], fill=(210, 205 - rng.randint(0, 20), 190))
    gap = (rng.randrange(0, 1200, 120), rng.randrange(0, 900, 90))
    draw.rectangle([gap[0], gap[1], gap[0] + 120, gap[1] + 90], fill=(120, 110, 100))
    points = [(rng.randint(0, 1200), 0)]
    while points[-1][1] < 900:
        x, y = points[-1]
        points.append((x + rng.randint(-60, 60), y + rng.randint(40, 90)))
    draw.line(points, fill=(60, 50, 45), width=6)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    return buf.getvalue()


def photo_rows(first_defect_id: int, count: int, seed: int) -> Iterator[Row]:
    rng = random.Random(f"{seed}:photos")
    for defect_id in range(first_defect_id, first_defect_id + min(count, PHOTOGRAPHED)):
        for n in range(1, rng.choice((1, 2, 2)) + 1):
            p = prepare_photo(f"现场照片{n}.jpg", _wall(rng))
            yield {"defect_id": defect_id, "filename": f"现场照片{n}.jpg", "taken_at": None,
                   "data": p.data, "thumbnail": p.thumbnail, "width": p.width, "height": p.height}


TABLE = DefectPhoto.__table__
