"""`python -m bot bench --quick` runs end to end and writes its tables and chart.

No timing assertions: benchmarks report numbers, tests must not fail on a slow machine."""

from __future__ import annotations

import pytest

pytest.importorskip("matplotlib")
pytest.importorskip("jieba")
pytest.importorskip("bm25s")

from bot.cli import main  # noqa: E402

SECTIONS = (
    "## Targets",
    "## Accuracy per tag",
    "## Latency per query",
    "## Start-up, reload, memory",
    "## Load: a burst through the Telegram Application",
    "## Load: the web API",
    "## Where Engine.respond spends its time",
    "## Metamorphic suite",
)


def test_bench_quick_writes_tables_and_chart(tmp_path, capsys):
    assert main(["bench", "--quick", "--scales", "2", "--seed", "7", "--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    written = (tmp_path / "bench.md").read_text(encoding="utf-8")
    assert printed.strip() == written.strip()
    for heading in SECTIONS:
        assert heading in written
    header = "| set | tag | n | engine | difflib | rapidfuzz WRatio | BM25 (jieba + bm25s) |"
    assert header in written
    for tag in ("| all |", "| typo |", "| rough |", "| other-year |"):
        assert tag in written
    for size in ("| 1× |", "| 2× |"):
        assert size in written
    png = (tmp_path / "bench.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000


def test_bench_web_alone_loads_a_real_server(tmp_path, capsys):
    assert main(["bench", "--web", "--quick", "--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    written = (tmp_path / "bench-web.md").read_text(encoding="utf-8")
    assert printed.strip() == written.strip()
    assert written.startswith("# Web API load run") and "## Load: the web API" in written
    assert "## Accuracy" not in written
    rows = [
        [c.strip() for c in line.strip("|").split("|")]
        for line in written.splitlines()
        if line.startswith(("| 1 |", "| 2 |"))
    ]
    assert [(r[0], r[1]) for r in rows] == [("2", "1"), ("2", "6"), ("1", "1"), ("1", "6")]
    for cells in rows:  # workers, concurrent, requests, answered, errors, ..., server and client CPU
        assert cells[2] == cells[3] == "60" and cells[4] == "0"
        assert float(cells[12]) > 0 and float(cells[13]) > 0
    assert "2 worker(s): exit status 0" in written and "1 worker(s): exit status 0" in written
    assert (
        "| web load: every request answered, no errors, exit 0 on SIGTERM | 240/240 answered, 0 errors, exit 0, 0 | yes |"
        in written
    )


def test_bench_is_registered_without_importing_telegram():
    import subprocess
    import sys

    code = (
        "import sys; from bot.cli import build_parser; build_parser(); "
        "import benchmarks.bench; print('telegram' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
