"""Any string gives a valid response and never raises."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import Conversation

SPECIAL = st.sampled_from(["", " ", "\u200b\u200c\u200d\ufeff", "\u202e\u05e9\u05dc\u05d5\u05dd\u202c",
                           "\x00\x01\x1b[31m", "😀" * 50, "首违" * 5000, "百分之" * 100, "一" * 300,
                           "9" * 400, "....%%%%", "万万万", "点点点", "<b>&amp;</b>"])
TEXT = st.one_of(st.text(max_size=200), SPECIAL, st.text(alphabet="零一二两三四五六七八九十百千万点%.0123456789", max_size=40))


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
