"""The endpoints. Each reads the engine of the moment from the holder (admins hot-swap it).

    POST /api/ask       {"q", "session"?, "entry_id"?} → the `ask --json` object + details
    GET  /api/topics    sections → topics → questions, and example questions
    GET  /api/data?q=   figures for a keyword, like Telegram's /data
    POST /api/feedback  {"entry_id", "vote": 1 | -1, "session"?}
    GET  /healthz       200 while serving
    GET  /              the chat page

Questions and votes are queued for the usage database (`recorder.Recorder`) and written
in batches in a worker thread, so neither the client nor the event loop waits on disk.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse

from bot.answers.compose import Response, examples, question_for
from bot.engine.engine import Conversation, Engine, EngineHolder
from bot.knowledge.model import Knowledge, Topic
from bot.retrieval import lookup
from bot.storage.interfaces import SessionStore, conversation_of

from .inputs import ApiError, id_field, read_json, session_field, text_field
from .recorder import Recorder

logger = logging.getLogger(__name__)

CHANNEL = "web"
MAX_FIGURES = 100
THANKS = {1: "感谢您的肯定！", -1: "感谢反馈，我们会改进这条回答。"}


@dataclass
class Services:
    """What the endpoints share; kept on `app.state.services`."""

    holder: EngineHolder
    sessions: SessionStore
    recorder: Recorder | None = None  # None: nothing is recorded (no database)
    index_file: str = ""


def services(request: Request) -> Services:
    return request.app.state.services


def user_key(session: str | None) -> str | None:
    """What the store hashes for a web user: the session, never the client address."""
    return f"web:{session}" if session else None


# --- /api/ask -------------------------------------------------------------------------


def topic_buttons(knowledge: Knowledge, response: Response) -> list[dict[str, str]]:
    return [{"id": t, "title": knowledge.topics[t].title} for t in response.topics if t in knowledge.topics]


def ask_payload(engine: Engine, response: Response, session: str | None) -> dict[str, Any]:
    """`ask --json`'s object, the details, the topics to offer, and the session."""
    payload = response.to_json()
    payload.update(response.details())
    payload["topics"] = topic_buttons(engine.knowledge, response)
    payload["session"] = session
    return payload


def answer(
    engine: Engine, question: str, entry_id: str | None, conversation: Conversation | None, now: float
) -> Response:
    response = engine.answer_entry(entry_id, conversation, now) if entry_id else None
    if response is None:  # no button, or a button for an entry the knowledge base no longer has
        response = engine.respond(question, conversation, now)
    return response


async def ask(request: Request) -> JSONResponse:
    body = await read_json(request)
    question = text_field(body.get("q"), "q")
    session = session_field(body.get("session"))
    entry_id = id_field(body.get("entry_id"), "entry_id", required=False)
    started = time.perf_counter()
    held = services(request)
    engine = held.holder.engine
    now = held.sessions.clock()  # wall-clock time: a session's context may be kept by another worker
    if session:
        async with conversation_of(held.sessions, session) as conversation:
            response = answer(engine, question, entry_id, conversation, now)
    else:
        response = answer(engine, question, entry_id, None, now)
    payload = ask_payload(engine, response, session)
    latency_ms = (time.perf_counter() - started) * 1000
    logger.info(
        "question channel=web status=%s kind=%s entry=%s score=%.3f",
        response.status,
        response.kind,
        response.entry_id,
        response.score,
    )
    if held.recorder is not None:
        held.recorder.query(
            user_id=user_key(session),
            chat_type=CHANNEL,
            text=question,
            status=response.status,
            entry_id=response.entry_id,
            score=response.score,
            latency_ms=latency_ms,
            kind=response.kind,
            channel=CHANNEL,
        )
    return JSONResponse(payload)


# --- /api/topics ----------------------------------------------------------------------


def _questions(knowledge: Knowledge, topic_id: str) -> list[dict[str, str]]:
    return [{"id": e.id, "question": question_for(e)} for e in knowledge.entries_in(topic_id)]


def _topic(knowledge: Knowledge, topic: Topic) -> dict[str, Any]:
    return {
        "id": topic.id,
        "title": topic.title,
        "heading": topic.heading or "",
        "summary": topic.summary or "",
        "questions": _questions(knowledge, topic.id),
        "topics": [_topic(knowledge, child) for child in knowledge.children(topic.id)],
    }


_TOPICS_CACHE: dict[int, tuple[Knowledge, dict[str, Any]]] = {}


def topics_payload(knowledge: Knowledge) -> dict[str, Any]:
    """Built once per loaded knowledge base (a reload brings a new one)."""
    held = _TOPICS_CACHE.get(id(knowledge))
    if held is None or held[0] is not knowledge:
        _TOPICS_CACHE.clear()
        payload = {
            "sections": [_topic(knowledge, s) for s in knowledge.sections()],
            "examples": [{"id": s.id, "question": s.question} for s in examples(knowledge, 4)],
        }
        held = _TOPICS_CACHE[id(knowledge)] = (knowledge, payload)
    return held[1]


async def topics(request: Request) -> JSONResponse:
    return JSONResponse(topics_payload(services(request).holder.engine.knowledge))


# --- /api/data ------------------------------------------------------------------------


async def data(request: Request) -> JSONResponse:
    query = text_field(request.query_params.get("q"), "q")
    engine = services(request).holder.engine
    knowledge = engine.knowledge
    found = lookup.search(engine, query)
    figures = []
    for entry in found[:MAX_FIGURES]:
        topic = knowledge.topics.get(entry.topic)
        figures.append(
            {
                "id": entry.id,
                "name": entry.title,
                "value": entry.value,
                "line": lookup.figure_line(entry),
                "question": question_for(entry),
                "topic": topic.title if topic else "",
                "snippet": lookup.snippet(entry),
            }
        )
    return JSONResponse({"query": query, "count": len(found), "figures": figures})


# --- /api/feedback --------------------------------------------------------------------


async def feedback(request: Request) -> JSONResponse:
    body = await read_json(request)
    entry_id = id_field(body.get("entry_id"), "entry_id", required=True)
    vote = body.get("vote")
    if isinstance(vote, bool) or vote not in (1, -1):
        raise ApiError(400, "“vote”应为 1（有帮助）或 -1（没有帮助）。")
    session = session_field(body.get("session"))
    held = services(request)
    if not held.holder.engine.knows(entry_id):
        raise ApiError(400, "没有找到这条回答，可能知识库已经更新。")
    logger.info("feedback channel=web entry=%s vote=%d", entry_id, vote)
    if held.recorder is not None:
        held.recorder.feedback(user_id=user_key(session), entry_id=entry_id, vote=vote, channel=CHANNEL)
    return JSONResponse({"ok": True, "message": THANKS[vote]})


# --- health and the page ----------------------------------------------------------------


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok", "entries": len(services(request).holder.engine.knowledge.entries)})


async def index(request: Request) -> FileResponse:
    return FileResponse(
        services(request).index_file, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"}
    )
