"""Is this really an image? A QR key from the cloud is shown to a guest, so an answer
whose ``baseImg`` is empty, cut short or not a picture must be an explained error, never
"key ready". Checked with the standard library only (no imaging dependency): a PNG is
read chunk by chunk (signature, CRCs, IHDR, IDAT inflated to exactly the size the
header promises, IEND); a JPEG or GIF is recognised by its markers.
"""

from __future__ import annotations

import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_SIDE = 10_000  # pixels: a QR code is a few hundred
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # PNG colour type -> samples per pixel


def image_kind(data: bytes) -> str:
    """``"png"``, ``"jpeg"`` or ``"gif"``; ValueError saying why ``data`` is no image."""
    if data.startswith(PNG_SIGNATURE):
        check_png(data)
        return "png"
    if data.startswith(b"\xff\xd8\xff") and data.rstrip(b"\x00").endswith(b"\xff\xd9"):
        return "jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) > 13 and data.endswith(b";"):
        return "gif"
    raise ValueError("not a PNG, JPEG or GIF image" if data else "empty")


def check_png(data: bytes) -> tuple[int, int]:
    """(width, height) of a complete, undamaged PNG; ValueError otherwise."""
    pos, header, idat, ended = len(PNG_SIGNATURE), None, [], False
    while pos + 12 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc_at = pos + 8 + length
        if len(body) != length or crc_at + 4 > len(data):
            raise ValueError("PNG cut short")
        (crc,) = struct.unpack(">I", data[crc_at:crc_at + 4])
        if zlib.crc32(kind + body) != crc:
            raise ValueError(f"PNG chunk {kind!r} damaged (CRC)")
        if header is None and kind != b"IHDR":
            raise ValueError("PNG without a header chunk")
        if kind == b"IHDR":
            header = _ihdr(body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            ended = True
            break
        pos = crc_at + 4
    if header is None or not ended or not idat:
        raise ValueError("PNG cut short")
    width, height, row_bytes, interlaced = header
    expected = height * (row_bytes + 1)  # one filter byte per row
    inflater = zlib.decompressobj()
    try:  # bounded: never more than the header promises (plus the passes' filter bytes)
        pixels = inflater.decompress(b"".join(idat), 2 * expected + 1)
    except zlib.error:
        raise ValueError("PNG image data damaged") from None
    if not inflater.eof or (not interlaced and len(pixels) != expected):
        raise ValueError("PNG image data has the wrong size")
    return width, height


def _ihdr(body: bytes) -> tuple[int, int, int, bool]:
    if len(body) != 13:
        raise ValueError("PNG header damaged")
    width, height, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", body)
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE) or colour not in _CHANNELS:
        raise ValueError("PNG header out of range")
    row_bytes = (width * _CHANNELS[colour] * depth + 7) // 8
    return width, height, row_bytes, interlace == 1
