"""`python -m bot import`: every format, bad input, drafts, re-import, figures copied verbatim."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from report_files import image_only_pdf, make_pdf, write_docx, write_html

from bot.cli import main
from bot.importer import ImportInputError, guess_info, import_report, read_report
from bot.knowledge.load import load_knowledge
from bot.knowledge.validate import validate_dir

DATA = Path(__file__).parent / "data" / "qinglan"
LINES = [
    "临江市2024年法治政府建设情况",
    "2024年，临江市坚持依法行政，法治政府建设取得新成效。",
    "一、政府职能持续优化",
    "政务服务提速增效。市本级政务服务事项网上可办率98.5%，“一件事一次办”主题服务达到46个，办理时限压缩率68.2%。",
    "营商环境不断改善。全年为企业减免各类费用1.2亿元，对3100余家企业轻微违法行为“首违不罚”，免罚金额近900万元。",
    "二、矛盾纠纷有效化解",
    "人民调解提质增效。全市人民调解组织化解矛盾纠纷8600余起，调处成功率95.2%。",
    "法律援助惠及群众。共受理法律援助案件2300余件，为420名农民工讨回工资260万余元。《临江市法律援助条例》正式施行。",
]


def _import(tmp_path: Path, source: Path, **kwargs):
    out = tmp_path / "pack"
    result = import_report(source, out, **kwargs)
    assert result.ok, result.problems
    return out, result


def _check_pack(
    out: Path,
    expected_values=(
        "98.5%",
        "46个",
        "1.2亿元",
        "3100余家",
        "近900万元",
        "8600余起",
        "95.2%",
        "2300余件",
        "420名",
        "260万余元",
    ),
):
    assert validate_dir(out) == []
    kb = load_knowledge(out)
    values = {m.value for m in kb.metrics}
    assert set(expected_values) <= values, set(expected_values) - values
    for metric in kb.metrics:  # copied, never derived
        assert metric.value in metric.source and metric.source in kb.report and metric.value in metric.answer
        assert metric.draft
    assert kb.pack.year == 2024 and kb.pack.place == "临江市"
    return kb


def test_txt_import_drafts_a_valid_pack(tmp_path):
    source = tmp_path / "report.txt"
    source.write_text("\n".join(LINES), encoding="utf-8")
    out, result = _import(tmp_path, source)
    kb = _check_pack(out)
    assert result.counts["metrics"] == len(kb.metrics) and result.counts["faqs"] == len(kb.faqs) >= 3
    assert {"一件事一次办", "首违不罚"} <= {f.title.strip("“”是什么？") for f in kb.faqs}
    assert "临江市法律援助条例" in " ".join(f.title for f in kb.faqs)
    assert [t.heading for t in kb.sections() if t.heading] == ["政府职能持续优化", "矛盾纠纷有效化解"]


def test_gb18030_text_is_detected(tmp_path):
    source = tmp_path / "report.txt"
    source.write_bytes("\n".join(LINES).encode("gb18030"))
    assert read_report(source).splitlines()[0] == LINES[0]
    _check_pack(_import(tmp_path, source)[0])


@pytest.mark.parametrize("kind", ["docx", "html", "pdf"])
def test_every_format(tmp_path, kind):
    source = tmp_path / f"report.{kind}"
    if kind == "docx":
        write_docx(source, LINES)
    elif kind == "html":
        write_html(source, LINES[1:], title=LINES[0])
    else:
        source.write_bytes(make_pdf(LINES, width=28))  # wrapped as PDF text is
    text = read_report(source)
    for line in LINES[3:]:
        assert line in text, (kind, line)  # paragraphs whole again, one per line
    assert "版权所有" not in text  # the page's furniture is not the report
    _check_pack(_import(tmp_path, source)[0])


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "空"),
        ("blank.txt", b"   \n\n", "空"),
        ("binary.txt", bytes(range(256)) * 4, "二进制"),
        ("scan.pdf", image_only_pdf(), "文字"),
        ("broken.pdf", b"%PDF-1.4\n garbage", "PDF"),
        ("report.xlsx", b"PK\x03\x04 not a report", "不支持"),
        (
            "figures.txt",
            "临江市2024年法治政府建设情况\n2024年，临江市坚持依法行政，推进法治政府建设。".encode(),
            "数字",
        ),
        ("broken.docx", b"PK\x03\x04 not a zip", "docx"),
    ],
)
def test_bad_input_gets_one_message_and_writes_nothing(tmp_path, capsys, name, content, message):
    source = tmp_path / name
    source.write_bytes(content)
    out = tmp_path / "pack"
    with pytest.raises(ImportInputError, match=message):
        import_report(source, out)
    assert main(["import", str(source), "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("导入失败：") and message in err[0]
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == [name]


def test_title_year_and_place_come_from_the_text_unless_given(tmp_path):
    assert guess_info("\n".join(LINES))[:3] == ("临江市2024年法治政府建设情况", 2024, "临江市")
    yiyang = Path(__file__).parent.parent / "knowledge" / "report.txt"
    if not yiyang.is_file():
        yiyang = next(Path(__file__).parent.parent.glob("knowledge/*/report.txt"))
    assert guess_info(yiyang.read_text(encoding="utf-8"))[1:] == (2023, "益阳市", "湖南省")
    source = tmp_path / "report.txt"
    source.write_text("\n".join(LINES), encoding="utf-8")
    out, result = _import(tmp_path, source, title="临江报告", year=2025, place="临江县")
    kb = load_knowledge(out)
    assert (kb.pack.title, kb.pack.year, kb.pack.place) == ("临江报告", 2025, "临江县")
    assert {m.year for m in kb.metrics} == {2025}


def test_reimport_keeps_reviewed_rows_and_refreshes_drafts(tmp_path):
    source = tmp_path / "report.txt"
    source.write_text("\n".join(LINES), encoding="utf-8")
    out, _ = _import(tmp_path, source)
    metrics = (out / "metrics.yaml").read_text(encoding="utf-8")
    first = re.search(r'  - id: "(m_[a-z0-9_]+)"\n    name: "([^"]+)"', metrics)
    reviewed_id, old_name = first.groups()
    block_end = metrics.index("    draft: true\n", first.start())
    metrics = (
        metrics[: first.start()]
        + "  # 已审核：名称改为口语说法\n"
        + metrics[first.start() : block_end]
        + metrics[block_end + len("    draft: true\n") :]
    )
    metrics = metrics.replace(f'name: "{old_name}"', 'name: "网上能办的比例"', 1)
    (out / "metrics.yaml").write_text(metrics, encoding="utf-8")
    assert validate_dir(out) == []
    drafts_before = load_knowledge(out).drafts

    source.write_text(
        "\n".join(LINES + ["行政复议规范有序。全年办理行政复议案件350件，纠错率12.5%。"]), encoding="utf-8"
    )
    out, result = _import(tmp_path, source)
    text = (out / "metrics.yaml").read_text(encoding="utf-8")
    assert "# 已审核：名称改为口语说法" in text and 'name: "网上能办的比例"' in text
    kb = load_knowledge(out)
    reviewed = kb.entries[reviewed_id]
    assert not reviewed.draft and reviewed.title == "网上能办的比例"
    assert {"350件", "12.5%"} <= {m.value for m in kb.metrics}
    assert result.kept["metrics.yaml"] == 1 and kb.drafts > drafts_before - 1
    assert sum(1 for e in kb.entries.values() if e.id == reviewed_id) == 1


def test_validate_reports_drafts(tmp_path, capsys):
    source = tmp_path / "report.txt"
    source.write_text("\n".join(LINES), encoding="utf-8")
    out, _ = _import(tmp_path, source)
    assert main(["validate", str(out)]) == 0
    printed = capsys.readouterr().out
    assert re.search(r"\d+ 条仍是草稿", printed)


def test_cli_prints_counts_per_kind(tmp_path, capsys):
    source = tmp_path / "report.txt"
    source.write_text("\n".join(LINES), encoding="utf-8")
    assert main(["import", str(source), "--out", str(tmp_path / "p")]) == 0
    printed = capsys.readouterr().out
    assert re.search(r"起草：\d+ 个主题、\d+ 条数据、\d+ 条问答", printed)


def test_fictional_reports_import_without_edits(tmp_path):
    for year in (2023, 2024):
        out = tmp_path / f"qinglan-{year}"
        result = import_report(DATA / f"qinglan-{year}.txt", out)
        assert result.ok, result.problems[:5]
        kb = load_knowledge(out)
        assert kb.pack.year == year and kb.pack.place == "青岚市" and len(kb.metrics) >= 30
        shutil.rmtree(out)


def test_a_table_reads_the_same_from_txt_and_docx_in_place(tmp_path: Path):
    """A Word table stays where it stands, and TAB rows in a .txt read the same: each row a
    sentence whose cells keep their row's label and column's header, figures verbatim."""
    import docx

    document = docx.Document()
    document.add_paragraph("临江市2024年法治政府建设情况")
    document.add_paragraph("主要数据见表1。")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [["项目", "数量", "同比变化"], ["人民调解", "11342起", "增长4.9%"], ["行政复议", "新收612件", "增长12.4%"]]
    ):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("二、公共法律服务")
    document.save(str(tmp_path / "r.docx"))
    (tmp_path / "r.txt").write_text(
        "临江市2024年法治政府建设情况\n主要数据见表1。\n项目\t数量\t同比变化\n人民调解\t11342起\t增长4.9%\n"
        "行政复议\t新收612件\t增长12.4%\n二、公共法律服务\n",
        encoding="utf-8",
    )
    text = read_report(tmp_path / "r.docx")
    assert text == read_report(tmp_path / "r.txt")
    lines = text.splitlines()
    assert lines[2] == "人民调解数量11342起，人民调解同比增长4.9%。"
    assert lines[3] == "行政复议新收612件，行政复议同比增长12.4%。"
    assert lines[4] == "二、公共法律服务"


def test_drafted_names_are_the_counted_thing_never_fragments(tmp_path: Path):
    lines = [
        "临江市2024年法治政府建设情况",
        "2024年，临江市坚持依法行政，法治政府建设取得新成效。",
        "一、公共法律服务",
        "法律援助惠及群众。为412名农民工追回欠薪385万余元，全年培训8600余人次。",
        "部门协同。配合市司法局开展普法活动，破解城市管理难题，坚持市县联动。",
        "免证办扩面。免证办覆盖3000余项事项；免证办覆盖3000余项事项的材料清单全部上线。",
    ]
    source = tmp_path / "r.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, result = _import(tmp_path, source)
    kb = load_knowledge(out)
    names = {m.value: m.title for m in kb.metrics}
    assert names["412名"] == "追回欠薪的农民工"
    assert names["8600余人次"] == "培训人次"
    questions = [f.title for f in kb.faqs]
    assert not [q for q in questions if q.startswith(("配合市", "破解城市", "坚持市", "市县", "临江市做"))], questions
    # the same name twice: both figures drafted, the second with a qualified name
    drafted = [m for m in kb.metrics if m.value == "3000余项"]
    assert len(drafted) == 2 and drafted[0].title != drafted[1].title
    assert not [item for item in result.left_out if "重复" in item]
