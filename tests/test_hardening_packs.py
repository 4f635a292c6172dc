"""Issue 17 (4): pack metadata is checked on every path (start, validate, reload, import), and
hot reload refuses duplicate ids and two packs of the same place and year, as start does."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.engine.engine import Engine, EngineHolder
from bot.importer import import_report
from bot.knowledge import packmeta
from bot.knowledge.model import KnowledgeError
from bot.knowledge.packs import load_library, validate_library
from bot.knowledge.reload import Reloader

QINGLAN = Path(__file__).parent / "data" / "qinglan" / "qinglan-2024.txt"
NEXT_YEAR = dt.date.today().year + 1


def _set(pack: Path, key: str, value: str) -> None:
    path = pack / "pack.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [f"  {key}: {value}" if line.startswith(f"  {key}:") else line for line in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def qinglan_pack(tmp_path_factory):
    """The 2024 report imported once for the module; each test works on a copy."""
    out = tmp_path_factory.mktemp("imported") / "qinglan-2024"
    assert import_report(QINGLAN, out).ok
    return out


@pytest.fixture
def packs(tmp_path, kb_copy, qinglan_pack):
    root = tmp_path / "packs"
    root.mkdir()
    shutil.copytree(kb_copy, root / "yiyang-2023")
    shutil.copytree(qinglan_pack, root / "qinglan-2024")
    return root


BAD = [
    ("year", "99999", f"字段 'year' 应为 1949 到 {NEXT_YEAR} 之间的年份，实际是 99999"),
    ("year", "1800", f"字段 'year' 应为 1949 到 {NEXT_YEAR} 之间的年份，实际是 1800"),
    ("year", str(NEXT_YEAR + 1), f"到 {NEXT_YEAR} 之间的年份，实际是 {NEXT_YEAR + 1}"),
    ("place", '"<script>"', "字段 'place' 应为 2–20 个汉字的地名"),
    ("place", '"Qinglan"', "字段 'place' 应为 2–20 个汉字的地名"),
    ("title", '"<b>青岚</b>"', "字段 'title' 应为一行纯文字"),
    ("region", '"湖南省\\n"', "字段 'region' 应为 2–20 个汉字的地名"),
]


@pytest.mark.parametrize("key,value,message", BAD, ids=[f"{k}={v}" for k, v, _ in BAD])
def test_each_metadata_rule(packs, key, value, message):
    _set(packs / "qinglan-2024", key, value)
    found = packmeta.problems_in(packs / "qinglan-2024")
    assert len(found) == 1 and message in found[0][2] and found[0][1] > 1, found
    assert packmeta.problems_in(packs / "yiyang-2023") == []


@pytest.mark.parametrize("key,value,message", [BAD[0], BAD[3]], ids=["year=99999", "place=<script>"])
async def test_bad_metadata_is_refused_at_start_validate_and_reload(packs, capsys, key, value, message):
    holder = EngineHolder(Engine(load_library(packs)))
    reloader = Reloader(holder, packs)
    _set(packs / "qinglan-2024", key, value)

    library = load_library(packs)  # start: the pack stays out, the other serves
    assert [k.place for k in library.packs] == ["益阳市"]
    assert any(message in p.message and p.path.endswith("qinglan-2024/pack.yaml") for p in library.problems)
    with pytest.raises(KnowledgeError):
        load_library(packs, strict=True)
    assert any(message in p.message for p in validate_library(packs))
    assert main(["validate", str(packs)]) == 1
    assert message in capsys.readouterr().out

    result = await reloader.reload()  # reload: the previous version keeps serving
    assert not result.ok and any(message in p.message for p in result.problems)
    assert sorted((k.knowledge.place, k.knowledge.year) for k in holder.engine.packs) == [
        ("益阳市", 2023),
        ("青岚市", 2024),
    ]


def test_a_single_pack_with_a_bad_year_does_not_load(kb_copy):
    _set(kb_copy, "year", "99999")
    with pytest.raises(KnowledgeError, match="字段 'year' 应为 1949 到"):
        load_library(kb_copy)


async def test_reload_refuses_a_second_pack_of_the_same_place_and_year(packs):
    holder = EngineHolder(Engine(load_library(packs)))
    reloader = Reloader(holder, packs)
    _set(packs / "qinglan-2024", "place", '"益阳市"')
    _set(packs / "qinglan-2024", "year", "2023")
    assert any("是同一地方同一年" in p.message for p in validate_library(packs))  # as validate says

    result = await reloader.reload()
    assert not result.ok and any("是同一地方同一年（益阳市2023年）的报告" in p.message for p in result.problems)
    assert sorted((k.knowledge.place, k.knowledge.year) for k in holder.engine.packs) == [
        ("益阳市", 2023),
        ("青岚市", 2024),  # its previous version
    ]


async def test_reload_refuses_a_pack_that_reuses_ids(packs):
    holder = EngineHolder(Engine(load_library(packs)))
    reloader = Reloader(holder, packs)
    shutil.copytree(packs / "yiyang-2023", packs / "zz-copy")
    _set(packs / "zz-copy", "year", "2022")
    result = await reloader.reload()
    assert not result.ok and any("也用在了报告包 yiyang-2023/ 中" in p.message for p in result.problems)
    assert len(holder.engine.packs) == 2
    assert all(k.knowledge.directory.name != "zz-copy" for k in holder.engine.packs)
