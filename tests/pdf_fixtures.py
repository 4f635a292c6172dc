"""PDFs laid out as real reports are: reportlab with the STSong-Light CID font it ships (no font
file), A4, body paragraphs with a two-character first-line indent, a line spacing of 1.0–2.0,
left-aligned or justified, a running header and a page number on every page."""

from __future__ import annotations

from pathlib import Path

from bot.knowledge.reporttext import heading_level


def report_pdf(path: Path, paragraphs: list[str], spacing: float = 1.5, justified: bool = False) -> Path:
    from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    size = 12
    body = ParagraphStyle(
        "body",
        fontName="STSong-Light",
        fontSize=size,
        leading=size * spacing,
        firstLineIndent=2 * size,
        alignment=TA_JUSTIFY if justified else TA_LEFT,
        wordWrap="CJK",
    )
    heading = ParagraphStyle("heading", parent=body, firstLineIndent=0, fontSize=size + 2, leading=(size + 2) * spacing)
    title = paragraphs[0] if paragraphs else ""

    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 40, f"{title[:20]}（公开）")
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")
        canvas.restoreState()

    story = []
    for i, text in enumerate(paragraphs):
        style = heading if i == 0 or heading_level(text) is not None else body
        story.append(Paragraph(text.replace("&", "&amp;").replace("<", "&lt;"), style))
    document = SimpleDocTemplate(str(path), pagesize=A4, topMargin=72, bottomMargin=72, leftMargin=72, rightMargin=72)
    document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return path
