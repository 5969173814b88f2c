"""Files that travel with an instrument: which kinds are allowed, how big they may be.

The one definition of both rules: the exchange schema checks a shared file with it and the
Odoo model an uploaded one, so a file Odoo stores is one every exchange file can carry.
A file must be a document or an image; its first bytes must agree with the type it claims.
"""

from __future__ import annotations

# base64 makes an exchange file a third bigger than the files it carries
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_FILE_MB = MAX_FILE_BYTES // 1024 // 1024

_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # the old Office formats
_ZIP = (b"PK\x03\x04",)  # Office Open XML and OpenDocument
DOCUMENT_MIMETYPES: dict[str, tuple[bytes, ...] | None] = {
    "application/pdf": (b"%PDF-",),
    "application/msword": _OLE,
    "application/vnd.ms-powerpoint": _OLE,
    "application/vnd.ms-excel": _OLE,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _ZIP,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": _ZIP,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": _ZIP,
    "application/vnd.oasis.opendocument.text": _ZIP,
    "application/vnd.oasis.opendocument.presentation": _ZIP,
    "application/vnd.oasis.opendocument.spreadsheet": _ZIP,
    "text/plain": None,  # checked as text below
}
IMAGE_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/bmp": (b"BM",),
    "image/tiff": (b"II*\x00", b"MM\x00*"),
    "image/webp": (b"RIFF",),
}


def is_allowed_mimetype(mimetype: str) -> bool:
    """A document (PDF, Office, OpenDocument, plain text) or an image."""
    return mimetype in DOCUMENT_MIMETYPES or mimetype.startswith("image/")


def content_matches(mimetype: str, content: bytes) -> bool:
    """Whether ``content`` starts the way a file of ``mimetype`` does. Types without a known
    signature (a rare image format) pass; the receiving Odoo checks the content again."""
    if mimetype == "text/plain":
        try:
            return "\x00" not in content.decode("utf-8")
        except UnicodeDecodeError:
            return False
    if mimetype == "image/svg+xml":
        head = content[:4096].lstrip()
        return head.startswith((b"<?xml", b"<svg")) and b"<svg" in head
    if mimetype == "image/webp":
        return content.startswith(b"RIFF") and content[8:12] == b"WEBP"
    signatures = DOCUMENT_MIMETYPES.get(mimetype) or IMAGE_SIGNATURES.get(mimetype)
    return signatures is None or content.startswith(signatures)


def max_base64_length(limit: int = MAX_FILE_BYTES) -> int:
    """The longest base64 text of a file of at most ``limit`` bytes."""
    return 4 * ((limit + 2) // 3)
