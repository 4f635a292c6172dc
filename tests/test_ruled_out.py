"""What the asker rules out: bot/analysis/ruled_out.py."""

import pytest

from bot.analysis.ruled_out import ruled_out, rules_out
from bot.analysis.split import split_question


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("我说的不是新增的是总数", ["新增"]),
        ("不是市本级的，是全市加起来的", ["市本级"]),
        ("不算第一批那个", ["第一批"]),
        ("立法联系点总共有多少个", []),
        ("是不是两千多件", []),  # a check, not a ruling
    ],
)
def test_ruled_out_words(text, words):
    assert ruled_out(text) == words


def test_a_whole_clause_rules_out_only_when_it_says_nothing_else():
    assert rules_out("不是市本级的")
    assert not rules_out("不是市本级的事项有多少")


def test_the_split_keeps_a_ruling_clause_with_its_ask():
    """ "…多少项，不是市本级的" stays one question: the clause says what the ask meant."""
    assert split_question("柔性执法事项一共多少项，不是市本级的") == []
    assert [s.parts for s in split_question("柔性执法事项一共多少项，网上可办率是多少")] == [
        ("柔性执法事项一共多少项", "网上可办率是多少")
    ]
