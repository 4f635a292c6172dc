"""The terminal shows what Telegram and the web page show: every suggestion of a reply,
numbered; in the chat, typing the number asks it (or opens the topic)."""

from __future__ import annotations

import io
import re

from bot.answers.compose import examples
from bot.chat import CHOOSE, MORE, RELATED, TOPIC_PREFIX, Choice, choose, render, run_chat
from bot.config import Settings
from bot.engine.engine import Conversation


def numbered(text: str) -> dict[int, str]:
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^(\d+)\. (.+)$", text, re.M)}


def test_an_answer_lists_its_related_questions(engine):
    response = engine.respond("首违不罚了多少家企业？")
    assert response.status == "answer" and response.suggestions
    text, choices = render(response, engine.knowledge)
    assert text.startswith(response.text) and RELATED in text
    assert choices == [Choice(s.question, s.id) for s in response.suggestions[:3]]
    assert numbered(text.split(RELATED)[1]) == {i: c.label for i, c in enumerate(choices, 1)}


def test_a_clarification_keeps_its_numbers_and_lists_nothing_twice(engine):
    response = engine.respond("调解成功率")
    assert response.status == "clarify"
    text, choices = render(response, engine.knowledge)
    assert text == response.text  # the options are already numbered in the text
    assert [(c.label, c.entry_id) for c in choices] == [(s.question, s.id) for s in response.suggestions]
    assert numbered(text) == {i: s.question for i, s in enumerate(response.suggestions, 1)}


def test_a_fallback_numbers_its_examples_and_topics(engine):
    response = engine.respond("今天天气怎么样")
    assert response.status == "fallback" and response.topics and not response.suggestions
    text, choices = render(response, engine.knowledge)
    assert "· " not in text and MORE in text
    shown = numbered(text)
    assert len(shown) == len(choices) == len(examples(engine.knowledge)) + len(response.topics)
    assert [c.topic_id for c in choices if c.topic_id] == response.topics
    for number, choice in enumerate(choices, 1):
        assert shown[number] == choice.label
    assert all(c.entry_id for c in choices if not c.topic_id)  # examples are asked by id


def test_an_out_of_scope_reply_shows_the_questions_it_points_to(engine):
    """ "您可以点选下面的问题" used to show nothing in the terminal."""
    response = engine.respond("长沙市的网上可办率")
    assert "点选下面的问题" in response.text and response.suggestions
    text, choices = render(response, engine.knowledge)
    assert CHOOSE in text
    assert [c.entry_id for c in choices[: len(response.suggestions)]] == [s.id for s in response.suggestions]
    assert {c.label for c in choices} <= set(numbered(text).values())


def test_a_greeting_numbers_its_example_questions(engine):
    response = engine.respond("你好")
    text, choices = render(response, engine.knowledge)
    assert [c.entry_id for c in choices] == [s.id for s in examples(engine.knowledge)]
    assert numbered(text) == {i: c.label for i, c in enumerate(choices, 1)}


def test_choosing_a_topic_lists_its_questions_and_a_question_answers_it(engine):
    conversation = Conversation()
    _, choices = render(engine.respond("今天天气怎么样", conversation), engine.knowledge)
    topic = next(c for c in choices if c.topic_id)
    text, inside = choose(engine, topic, conversation)
    assert text.startswith(topic.label.removeprefix(TOPIC_PREFIX)) and inside
    assert numbered(text) == {i: c.label for i, c in enumerate(inside, 1)}
    question = next(c for c in inside if c.entry_id)
    answer, _ = choose(engine, question, conversation)
    assert answer.startswith(engine.answer_entry(question.entry_id).text.split("\n")[0])


def test_a_choice_without_an_id_is_asked_as_typed(engine):
    text, _ = choose(engine, Choice("首违不罚了多少家企业？"), None)
    assert "6125家" in text


def chat(engine, lines: list[str]) -> str:
    out = io.StringIO()
    assert run_chat(engine, Settings(), io.StringIO("\n".join(lines) + "\n"), out) == 0
    return out.getvalue()


def test_chat_typing_a_number_asks_that_suggestion(engine):
    first = engine.respond("首违不罚了多少家企业？")
    second = first.suggestions[1]
    out = chat(engine, ["首违不罚了多少家企业？", "2", "q"])
    assert engine.answer_entry(second.id).text in out


def test_chat_typing_a_number_after_a_fallback_opens_the_topic(engine):
    response = engine.respond("今天天气怎么样")
    _, choices = render(response, engine.knowledge)
    number = next(i for i, c in enumerate(choices, 1) if c.topic_id)
    topic = engine.knowledge.topics[choices[number - 1].topic_id]
    out = chat(engine, ["今天天气怎么样", str(number), "1", "q"])
    first_entry = (engine.knowledge.children(topic.id) or engine.knowledge.entries_in(topic.id))[0]
    assert f"\n{topic.title}\n" in out and "请选择（输入编号）" in out
    if not engine.knowledge.children(topic.id):
        assert engine.answer_entry(first_entry.id).text.split("\n")[0] in out


def test_chat_a_number_with_nothing_to_choose_is_a_question(engine):
    out = chat(engine, ["7", "q"])
    assert engine.respond("7").text in out
