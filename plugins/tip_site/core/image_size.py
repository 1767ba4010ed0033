"""The pixel size of a PNG, GIF or JPEG file, read from its header.

Pages give images their width and height so the text does not jump as they
load on a slow phone; a size we cannot read (SVG, WebP) is simply left out.
"""

from __future__ import annotations

import struct
from pathlib import Path

# JPEG markers that start a frame header holding the size (SOF0–SOF15, less DHT, JPG, DAC).
_JPEG_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def image_size(file: Path) -> tuple[int, int] | None:
    """(width, height) in pixels, or None if the format is not one we read or the file is damaged."""
    data = file.read_bytes()[:65536]
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", data[6:10])
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(file.read_bytes())
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    index = 2
    while index + 9 < len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        if marker in _JPEG_FRAMES:
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return width, height
        (length,) = struct.unpack(">H", data[index + 2 : index + 4])
        index += 2 + length
    return None
