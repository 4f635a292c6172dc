"""PDF paragraphs from the layout: the same paragraphs as the .docx at line spacing 1.0-2.0,
ragged or justified, with running headers and page numbers dropped, and pdfminer quiet."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pdf_fixtures import report_pdf

from bot.importer import import_report, read_report

pytest.importorskip("reportlab")

DOCX = Path(__file__).parent / "data" / "yiyang-2024-tuning" / "yiyang-2024.docx"


@pytest.fixture(scope="module")
def paragraphs() -> list[str]:
    return read_report(DOCX).splitlines()


@pytest.mark.parametrize("spacing", [1.0, 1.5, 1.7, 2.0])
@pytest.mark.parametrize("justified", [False, True])
def test_pdf_paragraphs_match_the_docx(tmp_path: Path, paragraphs, spacing, justified):
    pdf = report_pdf(tmp_path / "r.pdf", paragraphs, spacing=spacing, justified=justified)
    found = read_report(pdf).splitlines()
    assert abs(len(found) - len(paragraphs)) <= 2, (len(found), len(paragraphs))
    assert sum(a == b for a, b in zip(found, paragraphs)) >= len(paragraphs) - 2
    text = "\n".join(found)
    assert "（公开）" not in text  # the running header
    assert not any(line.startswith("- ") for line in found)  # page numbers


def test_pdf_imports_like_the_docx(tmp_path: Path, paragraphs):
    pdf = report_pdf(tmp_path / "r.pdf", paragraphs, spacing=1.7, justified=True)
    assert import_report(pdf, tmp_path / "from-pdf").ok
    assert import_report(DOCX, tmp_path / "from-docx").ok
    read = {
        p.name: (p / "report.txt").read_text(encoding="utf-8") for p in (tmp_path / "from-pdf", tmp_path / "from-docx")
    }
    assert read["from-pdf"] == read["from-docx"]


def test_pdfminer_warnings_stay_at_debug(caplog, capsys):
    from report_files import make_pdf

    from bot.importer.pdf import pdf_text

    odd = make_pdf(["临江市2024年法治政府建设情况"]).replace(b"/FontBBox [0 -200 1000 900] ", b"/FontBBox [0 0 x] ")
    with caplog.at_level(logging.WARNING):
        assert pdf_text(odd) == "临江市2024年法治政府建设情况"
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert "FontBBox" not in capsys.readouterr().err
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="bot.importer.pdf"):
        pdf_text(odd)
    assert any("FontBBox" in r.getMessage() and r.levelno == logging.DEBUG for r in caplog.records)
