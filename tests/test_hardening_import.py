"""Issue 17 (1–3): hostile report files and bad `--out` get one line in Chinese, nothing is
written, and the import runs in a child process with a time and a memory limit."""

from __future__ import annotations

import errno
import os
import pathlib
import shutil
import subprocess
from pathlib import Path

import pytest
from hostile_files import billion_laughs_docx, build_pdf, docx_bomb, docx_lying_about_size

from bot.cli import main
from bot.importer import ImportInputError, import_report, read_report, readers, write
from bot.importer.isolated import import_isolated

QINGLAN = Path(__file__).parent / "data" / "qinglan" / "qinglan-2024.txt"
CURATED = Path(__file__).parent.parent / "knowledge"


def _one_line(capsys, word: str) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert err[0].startswith("导入失败：") and word in err[0], err[0]
    return err[0]


def _nothing_written(tmp_path: Path, *keep: str) -> None:
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(keep)


HOSTILE = [
    ("bomb.docx", lambda: docx_bomb(readers.MAX_ZIP_MEMBER_BYTES + 1), "解压后太大"),
    ("lying.docx", docx_lying_about_size, "docx"),
    ("laughs.docx", billion_laughs_docx, "实体"),
    ("locked.pdf", lambda: build_pdf(encrypt=True), "加密"),
    ("cut.pdf", lambda: build_pdf(3)[:300], "不完整"),
    ("thick.pdf", lambda: build_pdf(readers.MAX_PDF_PAGES + 1), f"超过 {readers.MAX_PDF_PAGES} 页"),
    ("long.txt", lambda: ("青岚市2024年法治政府建设情况。" * 70_000).encode(), "文字太多"),
]


@pytest.mark.parametrize("name,build,word", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_file_gets_one_line_and_nothing_is_written(tmp_path, capsys, name, build, word):
    source = tmp_path / name
    source.write_bytes(build())
    with pytest.raises(ImportInputError, match=word):
        read_report(source)
    assert main(["import", str(source), "--out", str(tmp_path / "pack")]) == 1  # through the child process
    _one_line(capsys, word)
    _nothing_written(tmp_path, name)


def test_a_3_gb_sparse_text_file_is_refused_without_being_read(tmp_path, monkeypatch):
    source = tmp_path / "huge.txt"
    subprocess.run(["truncate", "-s", "3G", str(source)], check=True)
    opened = []
    real_open = pathlib.Path.open
    monkeypatch.setattr(pathlib.Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k))
    with pytest.raises(ImportInputError, match="文件太大（3072 MB）"):
        read_report(source)
    assert opened == []


def test_a_file_larger_than_its_stated_size_is_read_no_further_than_the_cap(tmp_path, monkeypatch):
    source = tmp_path / "report.txt"
    source.write_bytes(QINGLAN.read_bytes())
    monkeypatch.setattr(pathlib.Path, "stat", lambda self, **k: os.stat_result((0,) * 6 + (10,) + (0,) * 3))
    with pytest.raises(ImportInputError, match="文件太大"):
        readers.read_capped(source, limit=1000)


def test_a_reader_library_failure_is_one_line(tmp_path, monkeypatch):
    source = tmp_path / "page.html"
    source.write_text("<p>青岚市</p>", encoding="utf-8")

    def broken(data):
        raise RuntimeError("deep inside a parser")

    monkeypatch.setattr(readers, "_html", broken)
    with pytest.raises(ImportInputError, match=r"无法读取这个文件（RuntimeError）"):
        read_report(source)


def test_no_permission_to_read_is_one_line(tmp_path, monkeypatch):
    source = tmp_path / "report.txt"
    source.write_bytes(QINGLAN.read_bytes())

    def refuse(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(pathlib.Path, "open", refuse)
    with pytest.raises(ImportInputError, match="没有权限读取文件"):
        read_report(source)


@pytest.mark.parametrize(
    "error,word",
    [(errno.ENOSPC, "磁盘空间不足"), (errno.EACCES, "没有权限"), (errno.EIO, "写入")],
)
def test_a_failed_write_is_one_line_and_leaves_nothing(tmp_path, monkeypatch, error, word):
    def fail(directory, files):
        (directory / "report.txt").write_text("partly written", encoding="utf-8")
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(write, "write_files", fail)
    with pytest.raises(ImportInputError, match=word):
        import_report(QINGLAN, tmp_path / "pack")
    _nothing_written(tmp_path)


# --- --out -----------------------------------------------------------------------------------


def _packs(tmp_path: Path) -> Path:
    root = tmp_path / "knowledge"
    root.mkdir()
    shutil.copytree(CURATED / "yiyang-2023", root / "yiyang-2023")
    return root


@pytest.mark.parametrize("where", ["root", "file", "others", "knowledge"])
def test_out_must_be_a_new_folder_or_an_existing_pack(tmp_path, capsys, where):
    root = _packs(tmp_path)
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    out, word = {
        "root": (Path("/"), "根目录"),
        "file": (tmp_path / "notes.txt", "是一个文件"),
        "others": (tmp_path, "已有其他文件"),
        "knowledge": (root, "知识库文件夹本身"),
    }[where]
    assert main(["--knowledge", str(root), "import", str(QINGLAN), "--out", str(out)]) == 1
    line = _one_line(capsys, word)
    assert "新文件夹或已有的知识包" in line
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == before
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_out_may_be_a_new_folder_or_an_existing_pack(tmp_path):
    root = _packs(tmp_path)
    assert import_report(QINGLAN, root / "qinglan-2024", knowledge_dir=root).ok
    assert import_report(QINGLAN, root / "qinglan-2024", knowledge_dir=root).ok  # refreshed
    single = tmp_path / "single"
    assert import_report(QINGLAN, single).ok
    assert import_report(QINGLAN, single, knowledge_dir=single).ok  # KNOWLEDGE_DIR that is one pack
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ImportInputError, match="知识库文件夹本身"):
        import_report(QINGLAN, empty, knowledge_dir=empty)


@pytest.mark.parametrize(
    "option,word",
    [(["--year", "99999"], "年份 99999"), (["--place", "<script>"], "地方名称"), (["--title", "<b>x"], "标题")],
)
def test_bad_metadata_given_to_import_is_one_line(tmp_path, capsys, option, word):
    assert main(["import", str(QINGLAN), "--out", str(tmp_path / "pack"), *option]) == 1
    _one_line(capsys, word)
    _nothing_written(tmp_path)


# --- the child process -------------------------------------------------------------------------


def test_an_import_over_its_time_is_stopped_and_leaves_nothing(tmp_path):
    with pytest.raises(ImportInputError, match="导入用时超过"):
        import_isolated(QINGLAN, tmp_path / "pack", timeout=0.05)
    _nothing_written(tmp_path)


def test_an_import_over_its_memory_is_stopped_with_one_line(tmp_path):
    with pytest.raises(ImportInputError, match="内存"):
        import_isolated(QINGLAN, tmp_path / "pack", memory_mb=40)
    _nothing_written(tmp_path)


def test_an_isolated_import_gives_the_same_pack(tmp_path):
    result = import_isolated(QINGLAN, tmp_path / "pack")
    assert result.ok and result.place == "青岚市" and result.year == 2024
    assert (tmp_path / "pack" / "metrics.yaml").is_file()
