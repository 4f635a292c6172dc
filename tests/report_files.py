"""Report files in every format the importer reads, made from a text in the test (no binary
fixtures): .docx with python-docx, .html by hand, .pdf by hand with a text layer (the
predefined STSong-Light font and UniGB-UCS2-H CMap, so no font file is needed)."""

from __future__ import annotations

from pathlib import Path


def write_docx(path: Path, lines: list[str]) -> Path:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def write_html(path: Path, lines: list[str], title: str = "") -> Path:
    body = "\n".join(f"<p>{line}</p>" for line in lines)
    path.write_text(
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<nav><a href='/'>首页</a> | <a href='/news'>新闻中心</a></nav><article><h1>{title}</h1>{body}</article>"
        "<footer>版权所有 © 市人民政府办公室 联系电话 0000-0000000</footer></body></html>",
        encoding="utf-8",
    )
    return path


def make_pdf(lines: list[str], width: int = 0) -> bytes:
    """A one-page PDF whose text layer holds `lines`; with `width`, each line is wrapped every
    `width` characters as PDF text really is."""
    shown: list[str] = []
    for line in lines:
        if width and len(line) > width:
            shown += [line[i : i + width] for i in range(0, len(line), width)]
        else:
            shown.append(line)
    content = ["BT", "/F1 10 Tf", "12 TL", "40 800 Td"]
    content += [f"<{line.encode('utf-16-be').hex()}> Tj T*" for line in shown]
    content.append("ET")
    stream = "\n".join(content).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 "
        b"/Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def image_only_pdf() -> bytes:
    """A PDF with a page but no text layer (a scan)."""
    return make_pdf([]).replace(b"<< /Length", b"<< /Length", 1)
