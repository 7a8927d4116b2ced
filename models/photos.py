"""Photos kept with a record: downscaled JPEG and a thumbnail (Pillow; no Qt here)."""
from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from .errors import ValidationError

FULL_SIDE = 1600   # enough to read a crack on a printed A4 notice
THUMB_SIDE = 160
MAX_UPLOAD = 30 * 1024 * 1024


@dataclass(frozen=True)
class Prepared:
    data: bytes
    thumbnail: bytes
    width: int
    height: int


def _jpeg(image: Image.Image, side: int, quality: int) -> tuple[bytes, tuple[int, int]]:
    copy = image.copy()
    copy.thumbnail((side, side))
    buf = io.BytesIO()
    copy.save(buf, "JPEG", quality=quality, optimize=True)
    return buf.getvalue(), copy.size


def prepare_photo(filename: str, data: bytes) -> Prepared:
    """Refuse what is not a picture; turn the rest upright, downscale, and make a thumbnail."""
    if len(data) > MAX_UPLOAD:
        raise ValidationError(f"照片“{filename}”超过 30 MB。")
    try:
        image = ImageOps.exif_transpose(Image.open(io.BytesIO(data))).convert("RGB")
    except (UnidentifiedImageError, OSError):
        raise ValidationError(f"“{filename}”不是可识别的图片文件。") from None
    full, size = _jpeg(image, FULL_SIDE, 85)
    thumb, _ = _jpeg(image, THUMB_SIDE, 80)
    return Prepared(full, thumb, *size)
