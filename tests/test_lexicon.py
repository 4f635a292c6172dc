"""The Chinese word list (jieba's dictionary): read once, and a loud failure when it is missing."""

from __future__ import annotations

import importlib.util

import pytest

from bot.text import lexicon


@pytest.fixture
def fresh_lexicon():
    lexicon.frequencies.cache_clear()
    yield
    lexicon.frequencies.cache_clear()


def test_the_bundled_dictionary_is_read(fresh_lexicon):
    words = lexicon.frequencies()
    assert len(words) > 300_000 and lexicon.is_common("办事") and not lexicon.is_common("用跑")
    assert lexicon.words_in("明天天气") == ["天气", "明天"]


def _jieba_elsewhere(monkeypatch, folder):
    spec = importlib.util.spec_from_loader("jieba", loader=None, origin=str(folder / "__init__.py"))
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: spec if name == "jieba" else real(name, *a))


def test_a_missing_dictionary_fails_loudly_naming_the_file(fresh_lexicon, monkeypatch, tmp_path):
    _jieba_elsewhere(monkeypatch, tmp_path)
    with pytest.raises(lexicon.DictionaryMissing) as caught:
        lexicon.frequencies()
    assert str(tmp_path / "dict.txt") in str(caught.value) and "pip install --force-reinstall jieba" in str(
        caught.value
    )
    with pytest.raises(lexicon.DictionaryMissing):  # not remembered as an empty word list
        lexicon.is_common("办事")


def test_an_empty_dictionary_fails_loudly(fresh_lexicon, monkeypatch, tmp_path):
    (tmp_path / "dict.txt").write_text("", encoding="utf-8")
    _jieba_elsewhere(monkeypatch, tmp_path)
    with pytest.raises(lexicon.DictionaryMissing, match="中没有词条"):
        lexicon.words_in("明天天气")


def test_jieba_not_installed(fresh_lexicon, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "jieba" else real(name, *a))
    with pytest.raises(lexicon.DictionaryMissing, match="未安装 jieba"):
        lexicon.frequencies()


def test_segment_is_jiebas_route_without_loading_jieba():
    import jieba

    for text in (
        "法律援助案件多少件",
        "益阳“四度融合”推进涉企柔性执法的经验在哪里推介了？",
        "CCTV-13频道 2.5万余件",
        "a b  c\t中文",
    ):
        assert lexicon.segment(text) == tuple(jieba.lcut(text, HMM=False)), text


def test_a_noun_glued_to_the_verb_of_a_count_asked_ends_before_it():
    """jieba reads 标准分 (a score); before 几个 the 分 is the verb "is divided into"."""
    assert lexicon.segment("创建标准分几个方面") == ("创建", "标准", "分", "几个", "方面")
    assert "放下去" in lexicon.segment("这回又放下去几项")  # a verb of its own stays whole
