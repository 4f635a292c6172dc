"""Read a report file into plain text: one paragraph per line, headings on their own lines.

`.txt` (UTF-8 with or without BOM, or GB18030, detected), `.docx` (python-docx: paragraphs
and table cells), `.html`/`.htm` (the main text, by trafilatura), `.pdf` with a text layer
(pdfminer.six layout analysis: paragraphs from indents, line ends and gaps, see pdf.py). Anything else, an empty
file, a binary, or a PDF without text raises `ImportInputError` with one clear sentence.

Limits, checked before and while reading, never after: the file's size (`MAX_BYTES`, from
its size on disk, then by reading at most that much), a .docx's members (their number, each
member's declared and actual size, the total unpacked; an XML part with a DOCTYPE or an
entity is refused: Word never writes one, an entity bomb always has one), a PDF's pages
(`MAX_PDF_PAGES`, counted before any text is extracted; an encrypted PDF is refused), and
the text's length (`MAX_CHARS`). Every failure of a reader library (a truncated PDF, broken
XML, memory) becomes one sentence too; time and memory are bounded by running the import in
a child process (`bot.importer.isolated`).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024
MAX_CHARS = 1_000_000  # of text read from a report (a yearly report has 20,000–100,000)
MAX_PDF_PAGES = 500
MAX_ZIP_MEMBERS = 2_000
MAX_ZIP_MEMBER_BYTES = 50 * 1024 * 1024  # one unpacked .docx member
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024  # all of them
SUPPORTED = (".txt", ".docx", ".html", ".htm", ".pdf")
_CHUNK = 1024 * 1024


class ImportInputError(ValueError):
    """The file cannot be imported; the message says why, in one sentence (Chinese)."""


def _too_big(size: int) -> ImportInputError:
    return ImportInputError(f"文件太大（{size // 1024 // 1024} MB），报告文件应小于 {MAX_BYTES // 1024 // 1024} MB。")


def read_capped(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes, refused (one sentence) when larger than `limit`: its size on disk is
    checked first, then at most `limit` + 1 bytes are read (a file that grows or lies)."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise _too_big(size)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except PermissionError:
        raise ImportInputError(f"没有权限读取文件：{path.name}。") from None
    except OSError as exc:
        raise ImportInputError(f"读取文件时出错（{exc.strerror or type(exc).__name__}）：{path.name}。") from None
    if len(data) > limit:
        raise _too_big(len(data))
    return data


def read_report(path: Path | str) -> str:
    path = Path(path)
    if not path.is_file():
        raise ImportInputError(f"找不到文件：{path}")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise ImportInputError(f"不支持的文件类型“{suffix or '无扩展名'}”：请提供 .txt、.docx、.html 或 .pdf 文件。")
    data = read_capped(path)
    if not data.strip():
        raise ImportInputError("文件是空的。")
    reader = {".txt": _txt, ".docx": _docx, ".html": _html, ".htm": _html, ".pdf": _pdf}[suffix]
    try:
        if suffix == ".docx":
            check_zip(data)
        elif suffix == ".pdf":
            check_pdf(data)
        raw = reader(data)
    except ImportInputError:
        raise
    except MemoryError:
        raise ImportInputError("文件展开后太大，读取时超出了内存限制，未导入。") from None
    except Exception as exc:  # a reader library's own error: one sentence, never a traceback
        raise ImportInputError(reader_failure(exc)) from None
    if len(raw) > MAX_CHARS:
        raise ImportInputError(f"文件中的文字太多（超过 {MAX_CHARS} 个字符），不像一份年度报告，未导入。")
    text = clean_lines(raw)
    if not re.search(r"[\u4e00-\u9fff]{4,}", text):
        raise ImportInputError("文件中没有可读的中文文字（如果是扫描件 PDF，请先做文字识别）。")
    return text


def reader_failure(exc: BaseException) -> str:
    """One sentence for an error raised inside a reader library."""
    name = type(exc).__name__
    names = {cls.__name__ for cls in type(exc).__mro__}
    if names & {"PDFPasswordIncorrect", "PDFEncryptionError"}:
        return "这个 PDF 已加密（设有密码），请先去掉密码再发送。"
    if "PSEOF" in names:
        return "这个 PDF 不完整（文件在中途结束），可能没有传送完整，请重新导出后再发送。"
    if names & {"PSException", "PDFException"}:
        return f"无法读取这个 PDF（{name}），文件可能已损坏。"
    if "XMLSyntaxError" in names:
        return f"文件中的 XML 无法解析（{name}），文件可能已损坏。"
    if isinstance(exc, RecursionError):
        return "文件结构嵌套过深，无法读取，未导入。"
    return f"无法读取这个文件（{name}），文件可能已损坏。"


def check_zip(data: bytes) -> None:
    """A .docx (zip) is opened only if its members are few and small enough, declared and
    actually (each is decompressed in chunks, counting, before python-docx sees it), and
    no XML part declares a DOCTYPE or an entity."""
    import io
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise ImportInputError(f"无法打开这个 .docx 文件（{type(exc).__name__}），文件可能已损坏。") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise ImportInputError(f".docx 文件中的部件太多（{len(members)} 个），不像一份报告，未导入。")
        if sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES or any(
            m.file_size > MAX_ZIP_MEMBER_BYTES for m in members
        ):
            raise ImportInputError(_unzipped_too_big())
        total = 0
        for member in members:
            xml = member.filename.lower().endswith((".xml", ".rels"))
            size, tail = 0, b""
            try:
                with archive.open(member) as stream:
                    while chunk := stream.read(_CHUNK):
                        size += len(chunk)
                        total += len(chunk)
                        if size > member.file_size or size > MAX_ZIP_MEMBER_BYTES or total > MAX_UNZIPPED_BYTES:
                            raise ImportInputError(_unzipped_too_big())
                        if xml:
                            window = (tail + chunk).upper()
                            if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                                raise ImportInputError(
                                    ".docx 中含有 XML 实体定义（DOCTYPE/ENTITY），正常的 Word 文件不会有，未导入。"
                                )
                            tail = chunk[-16:]
            except ImportInputError:
                raise
            except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
                raise ImportInputError(f"无法打开这个 .docx 文件（{type(exc).__name__}），文件可能已损坏。") from None


def _unzipped_too_big() -> str:
    return f".docx 文件解压后太大（超过 {MAX_UNZIPPED_BYTES // 1024 // 1024} MB，或其中一个部件超过 {MAX_ZIP_MEMBER_BYTES // 1024 // 1024} MB），未导入。"


def check_pdf(data: bytes) -> None:
    """Refuse an encrypted PDF, and one of more than MAX_PDF_PAGES pages, before extracting
    any text (pages are counted lazily, stopping at the first page over the limit)."""
    import io
    import itertools

    if not data.startswith(b"%PDF"):
        raise ImportInputError("这不是有效的 PDF 文件。")
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    pages = sum(1 for _ in itertools.islice(PDFPage.create_pages(document), MAX_PDF_PAGES + 1))
    if pages > MAX_PDF_PAGES:
        raise ImportInputError(f"PDF 超过 {MAX_PDF_PAGES} 页，不像一份年度报告，未导入。")


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
