"""Photos kept with a record: checked, downscaled JPEG and a thumbnail (Pillow; no Qt here).

A photo file comes from anywhere (a phone, a scanner, a download), so it is checked in the order that
costs least: the file's size before it is read (a 200 MB file is refused unread), the pixels its header
claims before anything is decoded (a 48 KB PNG may claim 400 Mpx, 1.6 GB once decoded), and only then
decoded, at a reduced scale where the format allows (JPEG) and downscaled at once. Every refusal is a
message naming the file; no Pillow exception reaches the clerk.
"""
from __future__ import annotations

import io
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from PIL import ExifTags, Image, UnidentifiedImageError

from .errors import ValidationError
from .i18n import translate

log = logging.getLogger("handoverdesk")

FULL_SIDE = 1600   # enough to read a crack on a printed A4 notice
THUMB_SIDE = 160
MAX_UPLOAD = 30 * 1024 * 1024
MAX_PIXELS = 50_000_000  # a 50 Mpx phone photo is the largest taken at a desk; decoded it is 200 MB
HEADER_BYTES = 16        # what Pillow's format probes look at


@dataclass(frozen=True)
class Prepared:
    """A photo as it is kept: downscaled JPEG, thumbnail, and the name of the file it came from."""

    data: bytes
    thumbnail: bytes
    width: int
    height: int
    filename: str = ""


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def check_size(filename: str, size: int) -> None:
    """Refuse an empty file or one over MAX_UPLOAD from its size alone."""
    if size == 0:
        raise ValidationError(translate("photos", "照片“{filename}”是空文件（0 字节），请重新选择。").format(filename=filename))
    if size > MAX_UPLOAD:
        raise ValidationError(translate("photos", "照片“{filename}”有 {size}，超过 {max_upload} 的上限，请压缩后再添加。").format(
            filename=filename, size=_mb(size), max_upload=_mb(MAX_UPLOAD)))


def _unreadable(filename: str, exc: OSError) -> ValidationError:
    why = (translate("photos", "文件不存在") if isinstance(exc, FileNotFoundError) else
           translate("photos", "没有读取权限") if isinstance(exc, PermissionError) else translate("photos", "无法读取"))
    return ValidationError(translate("photos", "照片“{filename}”{why}，请重新选择。").format(filename=filename, why=why))


def read_photo(path: str | os.PathLike[str]) -> Prepared:
    """A photo file as it will be kept. Its size is checked before it is read, and a file that is not
    a regular file (a folder, a pipe that would block) is refused without opening it."""
    name = Path(path).name
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise ValidationError(translate("photos", "“{name}”不是文件，请选择照片文件。").format(name=name))
        check_size(name, info.st_size)
        with open(path, "rb") as f:
            data = f.read(MAX_UPLOAD + 1)  # bounded even if the file grew since stat
    except OSError as exc:
        raise _unreadable(name, exc) from None
    return prepare_photo(name, data)


def declared_size(data: bytes) -> tuple[int, int] | None:
    """Width and height as the file's header states them, nothing decoded.

    Image.open reads the same header but refuses a 400 Mpx file with a DecompressionBombError that
    does not say its size (and only warns below 179 Mpx); the clerk's message names the size, so the
    header is read here through the same registry of format openers Image.open walks."""
    Image.init()
    prefix = data[:HEADER_BYTES]
    for fmt in Image.ID:
        factory, accept = Image.OPEN[fmt]
        probe = accept(prefix) if accept else True
        if isinstance(probe, str) or not probe:  # as Image.open reads a probe's answer
            continue
        try:
            return factory(io.BytesIO(data), "").size
        except Exception:  # noqa: BLE001 - a format that does not match raises anything; try the next
            continue
    return None


def _too_large(filename: str, width: int, height: int) -> ValidationError:
    return ValidationError(translate("photos", "照片“{filename}”像素过大（{width}×{height}），请缩小后再添加（最多 {max_pixels} 万像素）"
                                               "。").format(filename=filename, width=width, height=height, max_pixels=MAX_PIXELS // 10_000))


def _check_pixels(filename: str, data: bytes) -> tuple[int, int]:
    size = declared_size(data)
    if size is None:
        raise ValidationError(translate("photos", "“{filename}”不是可识别的图片文件。").format(filename=filename))
    width, height = size
    if width <= 0 or height <= 0:
        raise ValidationError(translate("photos", "照片“{filename}”的尺寸无效（{width}×{height}）。").format(filename=filename, width=width, height=height))
    if width * height > MAX_PIXELS:
        raise _too_large(filename, width, height)
    return size


UPRIGHT = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
           5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
           8: Image.Transpose.ROTATE_90}  # EXIF orientation -> the turn that makes the photo upright
BAND_ROWS = 32  # output rows reduced at a time: a band of a 50 Mpx photo is a few MB


def _flatten(image: Image.Image) -> Image.Image:
    """RGB for JPEG; a transparent background becomes white, not black."""
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (image.mode == "P" and "transparency" in image.info):
        rgba = image if image.mode == "RGBA" else image.convert("RGBA")
        out = Image.new("RGB", rgba.size, "white")
        out.paste(rgba, mask=rgba.getchannel("A"))
        return out
    return image if image.mode == "RGB" else image.convert("RGB")


def _reduced(image: Image.Image) -> Image.Image:
    """The decoded image as RGB, shrunk by a whole factor (box average) to under twice FULL_SIDE, a band
    of rows at a time: converting or reducing it whole would make a second full-size copy (Pillow turns
    RGBA into premultiplied RGBa first), 200 MB more for a 50 Mpx PNG."""
    width, height = image.size
    factor = max(1, max(width, height) // FULL_SIDE)
    if factor == 1:
        return _flatten(image)
    out = Image.new("RGB", ((width + factor - 1) // factor, (height + factor - 1) // factor))
    step = BAND_ROWS * factor
    for top in range(0, height, step):
        band = _flatten(image.crop((0, top, width, min(top + step, height))))
        out.paste(band.reduce(factor), (0, top // factor))
    return out


def _box(size: tuple[int, int]) -> tuple[int, int]:
    """FULL_SIDE on the long side, in proportion: what JPEG's draft must at least deliver."""
    longest = max(size)
    return max(1, size[0] * FULL_SIDE // longest), max(1, size[1] * FULL_SIDE // longest)


def _decode(filename: str, data: bytes, size: tuple[int, int]) -> Image.Image:
    """Decode at most what a FULL_SIDE picture needs: JPEG at 1/2..1/8 scale (draft), the rest reduced
    band by band; then upright by its EXIF orientation."""
    try:
        image = Image.open(io.BytesIO(data))
        orientation = image.getexif().get(ExifTags.Base.Orientation)
        image.draft(None, _box(image.size))  # JPEG only; other formats ignore it
        image.load()
        reduced = _reduced(image)
        del image  # the decoded full size goes before the small copies are made
        turn = UPRIGHT.get(orientation) if isinstance(orientation, int) else None
        return reduced.transpose(turn) if turn is not None else reduced
    except UnidentifiedImageError:
        raise ValidationError(translate("photos", "“{filename}”不是可识别的图片文件。").format(filename=filename)) from None
    except Image.DecompressionBombError:  # Image.MAX_IMAGE_PIXELS set below MAX_PIXELS elsewhere
        raise _too_large(filename, *size) from None
    except Exception as exc:  # noqa: BLE001 - Pillow's decoders raise OSError, ValueError, struct.error, … on a bad file
        log.warning("照片无法解码：%s", type(exc).__name__)  # the kind for a bug report; no file name (personal)
        raise ValidationError(translate("photos", "照片“{filename}”已损坏或不完整，无法读取，请重新导出后再添加。").format(filename=filename)) from None


def _jpeg(image: Image.Image, side: int, quality: int) -> tuple[bytes, tuple[int, int]]:
    copy = image.copy()
    copy.thumbnail((side, side))
    buf = io.BytesIO()
    copy.save(buf, "JPEG", quality=quality, optimize=True)
    return buf.getvalue(), copy.size


def prepare_photo(filename: str, data: bytes) -> Prepared:
    """Refuse what is not a picture or is too large; turn the rest upright, downscale, and make a
    thumbnail. Size and pixels are checked before anything is decoded."""
    check_size(filename, len(data))
    image = _decode(filename, data, _check_pixels(filename, data))
    full, size = _jpeg(image, FULL_SIDE, 85)
    thumb, _ = _jpeg(image, THUMB_SIDE, 80)
    return Prepared(full, thumb, *size, filename=filename)
