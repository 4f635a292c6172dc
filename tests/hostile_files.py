"""Hostile report files, built small and fast by the tests that use them (issue 17)."""

from __future__ import annotations

import io
import zipfile

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)


def docx_bomb(unpacked_bytes: int) -> bytes:
    """A .docx-shaped zip whose document.xml unpacks to `unpacked_bytes` (about a thousandth
    of that compressed), written in chunks so the test never holds it unpacked."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"<w:t>" + b"a" * (1024 * 1024 - 5)
            written = 0
            while written < unpacked_bytes:
                piece = chunk[: min(len(chunk), unpacked_bytes - written)]
                member.write(piece)
                written += len(piece)
    return buffer.getvalue()


def docx_lying_about_size(real_bytes: int = 1024 * 1024, declared: int = 100) -> bytes:
    """A zip whose central directory says document.xml is `declared` bytes; it is larger."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", b"<w:t>" + b"a" * real_bytes)
    data = bytearray(buffer.getvalue())
    central = data.rindex(b"PK\x01\x02")  # the last entry: document.xml
    data[central + 24 : central + 28] = declared.to_bytes(4, "little")
    return bytes(data)


def billion_laughs_docx() -> bytes:
    levels = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    xml = (
        '<?xml version="1.0"?><!DOCTYPE w:document [' + "".join(levels) + "]>"
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        "<w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def build_pdf(pages: int = 1, text: str = "Report 2024", encrypt: bool = False) -> bytes:
    """A small valid PDF (Helvetica text on each page); `encrypt`: with a user password
    (the standard security handler; the empty password does not open it)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET"
    objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    for _ in range(pages):
        objects.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>"
        )
    if encrypt:
        objects.append("<< /Filter /Standard /V 1 /R 2 /O <" + "11" * 32 + "> /U <" + "22" * 32 + "> /P -4 >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R"
    if encrypt:
        trailer += f" /Encrypt {len(objects)} 0 R /ID [<" + "ab" * 16 + "> <" + "ab" * 16 + ">]"
    out += f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
