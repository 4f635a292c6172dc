"""Loading a knowledge folder: the same problems as validation, and the report's identity."""

from __future__ import annotations

import pytest
from test_validate import _edit, _messages

from bot.knowledge.load import derive_pack_info, load_knowledge
from bot.knowledge.model import KnowledgeError


def test_loading_invalid_knowledge_fails_with_same_messages(kb_copy):
    _edit(kb_copy / "faq.yaml", "    related: [", '    related: ["ghost", ')
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(kb_copy)
    assert [str(p) for p in caught.value.problems] == _messages(kb_copy)


def test_pack_yaml_names_the_report(kb):
    assert (kb.title, kb.year, kb.place) == ("益阳市2023年法治政府建设情况", 2023, "益阳市")
    assert kb.pack.region == "湖南省"


def test_without_pack_yaml_the_report_names_itself(kb_copy):
    (kb_copy / "pack.yaml").unlink()
    knowledge = load_knowledge(kb_copy)
    assert knowledge.pack == derive_pack_info(knowledge.report)
    assert knowledge.year == 2023 and knowledge.pack.region == ""


def test_derive_pack_info_from_the_first_lines():
    info = derive_pack_info("青岚市人民政府关于2024年法治政府建设情况的报告\n2024年，全市……")
    assert (info.title, info.year, info.place) == ("青岚市2024年法治政府建设情况", 2024, "青岚市")
