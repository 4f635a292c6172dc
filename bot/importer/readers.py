"""Read a report file into plain text: one paragraph per line, headings on their own lines.

`.txt` (UTF-8 with or without BOM, or GB18030, detected), `.docx` (python-docx: paragraphs
and table cells), `.html`/`.htm` (the main text, by trafilatura), `.pdf` with a text layer
(pdfminer.six layout analysis: paragraphs from indents, line ends and gaps, see pdf.py). Anything else, an empty
file, a binary, or a PDF without text raises `ImportInputError` with one clear sentence.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024
SUPPORTED = (".txt", ".docx", ".html", ".htm", ".pdf")


class ImportInputError(ValueError):
    """The file cannot be imported; the message says why, in one sentence (Chinese)."""


def read_report(path: Path | str) -> str:
    path = Path(path)
    if not path.is_file():
        raise ImportInputError(f"找不到文件：{path}")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise ImportInputError(f"不支持的文件类型“{suffix or '无扩展名'}”：请提供 .txt、.docx、.html 或 .pdf 文件。")
    data = path.read_bytes()
    if not data.strip():
        raise ImportInputError("文件是空的。")
    if len(data) > MAX_BYTES:
        raise ImportInputError(f"文件太大（{len(data) // 1024 // 1024} MB），报告文件应小于 20 MB。")
    reader = {".txt": _txt, ".docx": _docx, ".html": _html, ".htm": _html, ".pdf": _pdf}[suffix]
    text = clean_lines(reader(data))
    if not re.search(r"[\u4e00-\u9fff]{4,}", text):
        raise ImportInputError("文件中没有可读的中文文字（如果是扫描件 PDF，请先做文字识别）。")
    return text


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030; a binary file is refused."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportInputError("这不是文本文件（看起来是二进制文件）。")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportInputError("无法识别文件编码：请另存为 UTF-8 或 GB18030 文本。")


def _txt(data: bytes) -> str:
    """Rows of TAB-separated cells (a table pasted as text) become sentences, as in .docx."""
    out: list[str] = []
    table: list[list[str]] = []
    for line in decode_text(data).splitlines():
        cells = [c.strip() for c in line.split("\t")]
        if len([c for c in cells if c]) >= 2:
            table.append([c for c in cells if c])
            continue
        if table:
            out += table_sentences(table)
            table = []
        out.append(line)
    return "\n".join(out + table_sentences(table))


_CELL_FIGURE_RE = re.compile(r"(?:近|约|超过|逾)?\d+(?:\.\d+)?(?:万|亿)?(?:余|多)?\S{0,4}")
_CHANGE_CELL_RE = re.compile(r"^(?:增长|增加|下降|减少|提高|降低|上升|持平)")


def table_sentences(rows: list[list[str]]) -> list[str]:
    """A table as sentences, one a row, each cell with its row's label and its column's header
    ("人民调解数量11342起，人民调解调处成功率95.2%，人民调解同比增长4.9%。"); the cells verbatim.
    A first row without figures is the header; a row without figures stays as it is."""
    if not rows:
        return []
    header: list[str] = []
    if not any(re.search(r"\d", c) for c in rows[0][1:]):
        header, rows = rows[0], rows[1:]
    out = []
    for row in rows:
        if len(row) < 2 or not any(re.search(r"\d", c) for c in row[1:]):
            out.append("，".join(row))
            continue
        label = row[0].rstrip("：:")
        parts = []
        for i, cell in enumerate(row[1:], 1):
            head = header[i] if i < len(header) else ""
            words = re.sub(r"[\d.%]", "", _CELL_FIGURE_RE.sub("", cell))
            if _CHANGE_CELL_RE.match(cell) and "同比" in head:
                parts.append(f"{label}同比{cell}")
            elif words or not head:
                parts.append(f"{label}{cell}")
            else:
                parts.append(f"{label}{head}{cell}")
        out.append("，".join(parts) + "。")
    return out


def _docx(data: bytes) -> str:
    import io
    import zipfile

    try:
        import docx
    except ImportError:  # pragma: no cover - declared dependency
        raise ImportInputError("读取 .docx 需要 python-docx（pip install python-docx）。") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ImportInputError(f"无法打开这个 .docx 文件（{type(exc).__name__}），文件可能已损坏。") from None
    from docx.table import Table

    lines: list[str] = []
    for block in document.iter_inner_content():  # paragraphs and tables in document order
        if isinstance(block, Table):
            rows = []
            for row in block.rows:
                cells = [c.text.strip() for c in row.cells]
                cells = [c for i, c in enumerate(cells) if c and (i == 0 or c != cells[i - 1])]  # merged cells repeat
                rows.append(cells)
            lines += table_sentences([r for r in rows if r])
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _html(data: bytes) -> str:
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - declared dependency
        raise ImportInputError("读取网页需要 trafilatura（pip install trafilatura）。") from None
    text = trafilatura.extract(
        decode_text(data), output_format="txt", include_tables=True, include_comments=False, favor_precision=True
    )
    if not text:
        raise ImportInputError("网页中没有找到正文。")
    return text


def _pdf(data: bytes) -> str:
    try:
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError:  # pragma: no cover - declared dependency
        raise ImportInputError("读取 PDF 需要 pdfminer.six（pip install pdfminer.six）。") from None
    from bot.importer.pdf import pdf_text

    if not data.startswith(b"%PDF"):
        raise ImportInputError("这不是有效的 PDF 文件。")
    try:
        text = pdf_text(data)
    except (PDFSyntaxError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ImportInputError(f"无法读取这个 PDF（{type(exc).__name__}），文件可能已损坏或加密。") from None
    if not text.strip():
        raise ImportInputError("PDF 中没有文字层（可能是扫描件），请先做文字识别。")
    return text


def clean_lines(text: str) -> str:
    """NFC, no control characters, one paragraph per line, no empty lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ")
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\ufeff]", "", text)
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line) + "\n"
