"""Any string gives a valid response and never raises."""

import opencc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_S2T = opencc.OpenCC("s2t")

from bot.engine.engine import Conversation

SPECIAL = st.sampled_from(
    [
        "",
        " ",
        "\u200b\u200c\u200d\ufeff",
        "\u202e\u05e9\u05dc\u05d5\u05dd\u202c",
        "\x00\x01\x1b[31m",
        "😀" * 50,
        "首违" * 5000,
        "百分之" * 100,
        "一" * 300,
        "9" * 400,
        "....%%%%",
        "万万万",
        "点点点",
        "<b>&amp;</b>",
    ]
)
TEXT = st.one_of(
    st.text(max_size=200), SPECIAL, st.text(alphabet="零一二两三四五六七八九十百千万点%.0123456789", max_size=40)
)


def _valid(response):
    assert response.status in ("answer", "clarify", "fallback")
    assert isinstance(response.text, str) and response.text
    data = response.to_json()
    assert (data["entry_id"] is None) == (response.status != "answer")
    if response.status == "clarify":
        assert 1 <= len(data["suggestions"]) <= 4


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_any_text_gives_a_valid_response(engine, text):
    _valid(engine.respond(text, Conversation()))


def test_ten_thousand_characters(engine):
    _valid(engine.respond("执法记录仪" * 2000))
    _valid(engine.respond("\u200b" * 10000))


# --- no false absence claims -----------------------------------------------------------


def _report_terms(report: str) -> list[str]:
    """Stretches of 2–6 Chinese characters taken from the report's own text."""
    import re

    runs = re.findall(r"[\u4e00-\u9fff]{2,}", report)
    return sorted(
        {
            run[i : i + n]
            for run in runs
            for n in (2, 3, 4, 6)
            for i in range(0, max(1, len(run) - n + 1), 3)
            if len(run[i : i + n]) == n
        }
    )


_FRAMES = (
    "{}",
    "{}是什么",
    "有没有{}",
    "报告里有{}吗",
    "{}怎么样",
    "请问{}有多少",
    "关于{}的情况",
    "{}是哪个",
    "我想了解一下{}",
    "{}在哪里",
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_reply_claims_a_report_term_is_absent(engine, kb, data):
    """For terms drawn from the report (also in traditional characters), no reply says the
    report lacks something its normalised text contains."""
    from benchmarks.evaluation import false_absences
    from bot.text.normalize import normalize

    term = data.draw(st.sampled_from(_report_terms(kb.report)))
    if data.draw(st.booleans()):
        term = _S2T.convert(term)
    question = data.draw(st.sampled_from(_FRAMES)).format(term)
    reply = engine.respond(question)
    assert not false_absences(reply.text, (normalize(kb.report),), normalize), (question, reply.text)
