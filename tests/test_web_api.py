"""The web API through Starlette's TestClient: every endpoint, every bad request, the
headers, the rate limit, CORS, sessions, and what is written to the usage database."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from web_fixtures import ROOT, client, make_client, web_settings  # noqa: F401

from bot.storage.database import Storage
from bot.storage.memory import MemoryRateLimiter, MemorySessionStore

SESSION = "test-session-0001"
ASK_KEYS = {"status", "text", "entry_id", "score", "suggestions"}
DETAIL_KEYS = {"kind", "answer", "source", "section", "year"}
STATIC = ROOT / "web" / "static"


def ask(client, body, **kwargs):
    return client.post("/api/ask", json=body, **kwargs)


def assert_error(response, status):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and isinstance(body["error"], str) and body["error"]
    assert "Traceback" not in response.text
    return body["error"]


# --- /api/ask ---------------------------------------------------------------------------


def test_ask_returns_the_ask_json_object_plus_details(client, engine):
    response = ask(client, {"q": "网上可办率"})
    assert response.status_code == 200
    data = response.json()
    expected = engine.respond("网上可办率")
    assert {k: data[k] for k in ASK_KEYS} == json.loads(json.dumps(expected.to_json(), ensure_ascii=False))
    assert {k: data[k] for k in DETAIL_KEYS} == expected.details()
    assert data["entry_id"] == "online_rate" and data["answer"].startswith("网上可办率：100%")
    assert "网上可办率100%" in data["source"] and data["section"].endswith("政务服务提质增速")
    assert data["topics"] == [{"id": "gov_services", "title": "政务服务"}]
    assert data["session"] is None


def test_same_json_as_the_cli(client):
    cli = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "执法记录仪配了多少台"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    data = ask(client, {"q": "执法记录仪配了多少台"}).json()
    assert {k: data[k] for k in ASK_KEYS} == json.loads(cli.stdout)


def test_clarify_and_fallback(client):
    clarify = ask(client, {"q": "调解成功率"}).json()
    assert clarify["status"] == "clarify" and clarify["entry_id"] is None
    assert [s["id"] for s in clarify["suggestions"]] == ["people_mediation_success_rate", "pre_litigation_success_rate"]
    fallback = ask(client, {"q": "明天天气怎么样"}).json()
    assert fallback["status"] == "fallback" and fallback["kind"] == "absent"  # 天气: not in the report
    assert fallback["topics"] and all(set(t) == {"id", "title"} for t in fallback["topics"])


def test_session_keeps_follow_up_context(client):
    first = ask(client, {"q": "人民调解化解了多少纠纷", "session": SESSION}).json()
    assert first["entry_id"] == "people_mediation_disputes" and first["session"] == SESSION
    follow = ask(client, {"q": "那成功率呢", "session": SESSION}).json()
    assert follow["status"] == "answer" and follow["entry_id"] == "people_mediation_success_rate"
    assert follow["kind"] == "followup"
    # another session, or none, has no context
    other = ask(client, {"q": "那成功率呢", "session": "another-session-1"}).json()
    alone = ask(client, {"q": "那成功率呢"}).json()
    assert other["kind"] != "followup" and alone["kind"] != "followup"


def test_session_context_expires_with_the_ttl(make_client):
    clock = [1000.0]
    sessions = MemorySessionStore(ttl_seconds=600, clock=lambda: clock[0])
    client = make_client(sessions=sessions)
    ask(client, {"q": "人民调解化解了多少纠纷", "session": SESSION})
    clock[0] += 601
    follow = ask(client, {"q": "那成功率呢", "session": SESSION}).json()
    assert follow["kind"] != "followup"
    assert len(sessions) <= 1  # the stale session was dropped


def test_entry_id_answers_that_entry_like_a_button(client):
    data = ask(
        client, {"q": "诉前调解成功率是多少？", "entry_id": "pre_litigation_success_rate", "session": SESSION}
    ).json()
    assert data["entry_id"] == "pre_litigation_success_rate" and data["kind"] == "button"
    # a button for an entry that no longer exists falls back to the question text
    stale = ask(client, {"q": "网上可办率", "entry_id": "no_such_entry"}).json()
    assert stale["entry_id"] == "online_rate" and stale["kind"] != "button"


def test_question_of_exactly_500_characters_is_answered(client):
    response = ask(client, {"q": "网上可办率" + "啊" * 495})
    assert response.status_code == 200 and response.json()["status"] in ("answer", "clarify", "fallback")


# --- bad requests --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b'{"q": ',
        b"\xff\xfe\x00",
        b"",
        b"[" * 5000 + b"]" * 5000,
    ],
)
def test_not_json_is_400(client, body):
    response = client.post("/api/ask", content=body, headers={"Content-Type": "application/json"})
    assert_error(response, 400)


@pytest.mark.parametrize("body", [[], ["q"], "网上可办率", 42, None])
def test_json_that_is_not_an_object_is_400(client, body):
    assert_error(client.post("/api/ask", content=json.dumps(body), headers={"Content-Type": "application/json"}), 400)


def test_wrong_content_type_is_415(client):
    response = client.post("/api/ask", content=json.dumps({"q": "网上可办率"}), headers={"Content-Type": "text/plain"})
    assert_error(response, 415)
    assert_error(client.post("/api/ask", data={"q": "网上可办率"}), 415)  # an HTML form post


@pytest.mark.parametrize(
    "body, needle",
    [
        ({}, "缺少"),
        ({"question": "网上可办率"}, "缺少"),
        ({"q": None}, "缺少"),
        ({"q": 123}, "文字"),
        ({"q": ["网上可办率"]}, "文字"),
        ({"q": {"text": "x"}}, "文字"),
        ({"q": True}, "文字"),
        ({"q": ""}, "请输入"),
        ({"q": "   \n\t"}, "请输入"),
        ({"q": "长" * 501}, "500"),
    ],
)
def test_bad_question_is_400(client, body, needle):
    assert needle in assert_error(ask(client, body), 400)


def test_lone_surrogate_is_400_not_500(client):
    body = b'{"q": "\\ud800\\u7f51\\u4e0a"}'
    assert_error(client.post("/api/ask", content=body, headers={"Content-Type": "application/json"}), 400)


@pytest.mark.parametrize("session", ["short", "has space 12345", "x" * 65, 12345678, ["abcdefgh"], "会话会话会话会话"])
def test_bad_session_is_400(client, session):
    assert "session" in assert_error(ask(client, {"q": "网上可办率", "session": session}), 400)


@pytest.mark.parametrize("entry_id", [123, "", "x" * 101, ["online_rate"]])
def test_bad_entry_id_is_400(client, entry_id):
    assert_error(ask(client, {"q": "网上可办率", "entry_id": entry_id}), 400)


def test_body_over_16_kb_is_413_from_content_length(client):
    body = json.dumps({"q": "网上可办率", "pad": "x" * 17000})
    assert_error(client.post("/api/ask", content=body, headers={"Content-Type": "application/json"}), 413)


def test_streamed_body_over_16_kb_is_413(client):
    """Chunked upload without Content-Length: refused once the streamed body passes 16 KB."""

    def chunks():
        yield b'{"q": "x", "pad": "'
        for _ in range(100):
            yield b"x" * 1024
        yield b'"}'

    response = client.post("/api/ask", content=chunks(), headers={"Content-Type": "application/json"})
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert_error(response, 413)


def test_body_just_under_the_limit_is_read(client):
    body = json.dumps({"q": "网上可办率", "pad": "x" * 16000})
    assert len(body.encode()) < 16 * 1024
    assert client.post("/api/ask", content=body, headers={"Content-Type": "application/json"}).status_code == 200


@pytest.mark.parametrize(
    "method, path, allowed",
    [
        ("GET", "/api/ask", "POST"),
        ("PUT", "/api/ask", "POST"),
        ("DELETE", "/api/feedback", "POST"),
        ("POST", "/api/topics", "GET"),
        ("POST", "/api/data", "GET"),
        ("POST", "/healthz", "GET"),
        ("PATCH", "/", "GET"),
    ],
)
def test_wrong_method_is_405_json(client, method, path, allowed):
    response = client.request(method, path)
    assert_error(response, 405)
    assert allowed in response.headers["allow"]


def test_unknown_path_is_404_json(client):
    assert_error(client.get("/api/nothing"), 404)
    assert_error(client.get("/static/nothing.js"), 404)
    assert_error(client.get("/../bot/config.py"), 404)


def test_an_engine_failure_is_a_json_500_without_traceback(client, tg_holder, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(tg_holder.engine, "respond", broken)
    response = ask(client, {"q": "网上可办率"})
    assert_error(response, 500)
    assert "secret internals" not in response.text


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@hsettings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.one_of(
        json_values,
        st.dictionaries(
            st.sampled_from(["q", "session", "entry_id", "x"]), json_values | st.text(max_size=600), max_size=4
        ),
    )
)
def test_any_json_body_gets_a_4xx_or_an_answer_never_a_5xx(client, body):
    response = client.post("/api/ask", content=json.dumps(body), headers={"Content-Type": "application/json"})
    assert response.status_code in (200, 400), response.text
    if response.status_code == 200:
        assert set(response.json()) >= ASK_KEYS
    else:
        assert set(response.json()) == {"error"}


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=200))
def test_any_bytes_get_a_4xx_never_a_5xx(client, raw):
    response = client.post("/api/ask", content=raw, headers={"Content-Type": "application/json"})
    assert 200 <= response.status_code < 500


# --- rate limit -----------------------------------------------------------------------------


def test_rate_limit_answers_429_with_retry_after(make_client):
    limiter = MemoryRateLimiter(per_minute=3)
    first = make_client(limiter=limiter, client=("198.51.100.1", 1000))
    other = make_client(limiter=limiter, client=("198.51.100.2", 1000))
    for _ in range(3):
        assert ask(first, {"q": "网上可办率"}).status_code == 200
    limited = ask(first, {"q": "网上可办率"})
    assert "频繁" in assert_error(limited, 429)
    assert int(limited.headers["retry-after"]) >= 1
    assert limited.headers["x-content-type-options"] == "nosniff"
    assert first.get("/api/topics").status_code == 429  # every /api/ endpoint counts
    assert first.get("/healthz").status_code == 200 and first.get("/").status_code == 200
    assert ask(other, {"q": "网上可办率"}).status_code == 200  # per client


def test_memory_limiter_keeps_at_most_max_clients():
    limiter = MemoryRateLimiter(per_minute=60, max_clients=3, clock=lambda: 0.0)
    for key in ("a", "b", "c", "d", "e"):
        limiter.take(key)
    assert len(limiter) == 3 and "a" not in limiter._buckets


def test_memory_session_store_is_bounded_lru():
    now = [0.0]
    store = MemorySessionStore(ttl_seconds=600, max_sessions=3, clock=lambda: now[0])
    for sid in ("s1", "s2", "s3"):
        store.put(sid, store.get(sid))
    store.get("s1")  # touched: now the most recent
    store.put("s4", store.get("s4"))
    assert "s2" not in store and {"s1", "s3", "s4"} == set(store._items)
    now[0] += 601
    store.put("s5", store.get("s5"))
    assert len(store) == 1 and "s5" in store


# --- headers, CORS ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/static/app.js", "/static/app.css", "/healthz", "/api/topics", "/api/nothing"])
def test_security_headers_everywhere(client, path):
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'self'" in csp and headers["x-frame-options"] == "SAMEORIGIN"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "server" not in headers


def test_api_responses_are_not_cached(client):
    assert client.get("/api/topics").headers["cache-control"] == "no-store"
    assert ask(client, {"q": "网上可办率"}).headers["cache-control"] == "no-store"


def test_no_cors_by_default(client):
    response = client.get("/api/topics", headers={"Origin": "https://evil.example"})
    assert response.status_code == 200 and "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/api/ask", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_only_for_allowed_origins(make_client, web_settings):
    allowed = "https://www.yiyang.gov.cn"
    client = make_client(replace(web_settings, web_allowed_origins=(allowed,)))
    preflight = client.options(
        "/api/ask",
        headers={
            "Origin": allowed,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == allowed
    assert "POST" in preflight.headers["access-control-allow-methods"]
    response = ask(client, {"q": "网上可办率"}, headers={"Origin": allowed})
    assert response.headers["access-control-allow-origin"] == allowed
    other = ask(client, {"q": "网上可办率"}, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    denied = client.options(
        "/api/ask", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert denied.status_code >= 400 and "access-control-allow-origin" not in denied.headers
    # the allowed site may also embed the page in an iframe
    csp = client.get("/").headers["content-security-policy"]
    assert f"frame-ancestors 'self' {allowed}" in csp and "x-frame-options" not in client.get("/").headers


# --- /api/topics, /api/data ---------------------------------------------------------------------


def test_topics_tree_covers_every_entry(client, kb):
    data = client.get("/api/topics").json()
    assert [s["id"] for s in data["sections"]] == [t.id for t in kb.sections()]
    seen = []

    def walk(topic):
        assert topic["title"] and isinstance(topic["summary"], str)
        seen.extend(q["id"] for q in topic["questions"])
        for child in topic["topics"]:
            walk(child)

    for section in data["sections"]:
        walk(section)
    assert sorted(seen) == sorted(kb.entries)
    assert len(data["examples"]) >= 3 and all(e["id"] in kb.entries for e in data["examples"])


def test_data_lists_figures_like_telegram(client):
    data = client.get("/api/data", params={"q": "执法记录仪"}).json()
    assert data["count"] >= 1
    assert data["figures"][0]["line"] == "执法记录仪配备数量：4400台" and data["figures"][0]["value"] == "4400台"
    both = client.get("/api/data", params={"q": "调解 成功率"}).json()
    assert [f["value"] for f in both["figures"]] == ["93%", "56.8%"]
    none = client.get("/api/data", params={"q": "火星基地"}).json()
    assert none == {"query": "火星基地", "count": 0, "figures": []}


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "  "}, {"q": "长" * 501}])
def test_data_needs_a_keyword(client, params):
    assert_error(client.get("/api/data", params=params), 400)


# --- /api/feedback and the usage database ---------------------------------------------------------


def test_feedback_is_validated_and_recorded(client, web_settings):
    ok = client.post("/api/feedback", json={"entry_id": "online_rate", "vote": 1, "session": SESSION})
    assert ok.status_code == 200 and ok.json() == {"ok": True, "message": "感谢您的肯定！"}
    down = client.post("/api/feedback", json={"entry_id": "online_rate", "vote": -1})
    assert down.status_code == 200 and "改进" in down.json()["message"]
    rows = _rows(web_settings, client)["feedback"]
    assert [(r["entry_id"], r["vote"], r["channel"]) for r in rows] == [
        ("online_rate", 1, "web"),
        ("online_rate", -1, "web"),
    ]
    assert rows[0]["user_hash"] and SESSION not in rows[0]["user_hash"] and rows[1]["user_hash"] == ""


@pytest.mark.parametrize(
    "body",
    [
        {"entry_id": "no_such_entry", "vote": 1},
        {"vote": 1},
        {"entry_id": "online_rate"},
        {"entry_id": "online_rate", "vote": 0},
        {"entry_id": "online_rate", "vote": 2},
        {"entry_id": "online_rate", "vote": "1"},
        {"entry_id": "online_rate", "vote": True},
        {"entry_id": "online_rate", "vote": 1.5},
        {"entry_id": 7, "vote": 1},
        {"entry_id": "online_rate", "vote": 1, "session": "bad"},
    ],
)
def test_bad_feedback_is_400(client, body, web_settings):
    assert_error(client.post("/api/feedback", json=body), 400)
    assert _rows(web_settings, client)["feedback"] == []


def test_feedback_bad_json_and_method(client):
    assert_error(client.post("/api/feedback", content=b"{", headers={"Content-Type": "application/json"}), 400)
    assert_error(client.get("/api/feedback"), 405)


def test_questions_are_logged_with_channel_and_hashed_session(client, web_settings):
    ask(client, {"q": "网上可办率", "session": SESSION})
    ask(client, {"q": "明天天气怎么样"})
    ask(client, {"q": ""})  # refused: not logged
    rows = _rows(web_settings, client)["queries"]
    assert [(r["text"], r["status"], r["channel"], r["chat_type"]) for r in rows] == [
        ("网上可办率", "answer", "web", "web"),
        ("明天天气怎么样", "fallback", "web", "web"),
    ]
    assert rows[0]["entry_id"] == "online_rate" and rows[0]["latency_ms"] >= 0
    assert len(rows[0]["user_hash"]) >= 16 and rows[1]["user_hash"] == ""
    everything = json.dumps(_rows(web_settings, client), ensure_ascii=False, default=str)
    assert SESSION not in everything and "203.0.113.7" not in everything  # no session id, no address
    storage = Storage.open(web_settings.data_dir)
    try:
        assert storage.stats(7).channels == [("web", 2)]
    finally:
        storage.close()


def test_session_hashes_use_hash_key_when_set(make_client, web_settings):
    """HASH_KEY keys the web pseudonyms as it keys Telegram's (no key file is made)."""
    keyed = replace(web_settings, hash_key="k" * 40)
    client = make_client(settings=keyed)
    ask(client, {"q": "网上可办率", "session": SESSION})
    client.portal.call(client.app.state.services.recorder.flush)
    assert not (keyed.data_dir / "hash.key").exists()
    storage = Storage.open(keyed.data_dir, hash_key=keyed.hash_key)
    try:
        ((stored,),) = storage._conn.execute("SELECT user_hash FROM queries").fetchall()
        assert stored == storage.user_hash(f"web:{SESSION}")
    finally:
        storage.close()


def _rows(settings, client=None) -> dict[str, list[dict]]:
    """What the database holds, once the client's app has written everything it queued."""
    if client is not None:
        client.portal.call(client.app.state.services.recorder.flush)
    storage = Storage.open(settings.data_dir)
    try:
        conn = storage._conn
        conn.row_factory = __import__("sqlite3").Row
        return {t: [dict(r) for r in conn.execute(f"SELECT * FROM {t} ORDER BY id")] for t in ("queries", "feedback")}
    finally:
        storage.close()


# --- the page ---------------------------------------------------------------------------------


def test_healthz_and_page(client):
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json()["status"] == "ok"
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<html lang="zh-CN">' in page.text and 'name="viewport"' in page.text
    assert (
        client.get("/static/app.js").headers["content-type"].startswith(("text/javascript", "application/javascript"))
    )


def test_page_has_no_inline_script_or_style_and_is_small():
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert 'src="' in tag
    assert len(re.findall(r"<script\b[^>]*></script>", html)) == len(re.findall(r"<script\b", html))
    assert not re.search(r"\son[a-z]+\s*=", html, re.I)  # no inline handlers
    assert "<style" not in html and " style=" not in html
    total = sum(p.stat().st_size for p in STATIC.iterdir())
    assert total < 50 * 1024, total


def test_script_inserts_text_never_html():
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink
    assert "textContent" in script


def test_bot_never_imports_web_and_web_never_imports_telegram():
    code = (
        "import sys, importlib, pkgutil, bot; "
        "[importlib.import_module(m.name) for m in pkgutil.walk_packages(bot.__path__, 'bot.') "
        " if m.name != 'bot.__main__']; "
        "print('WEB', any(m == 'web' or m.startswith('web.') for m in sys.modules)); "
        "import web.app, web.api; "
        "print('TELEGRAM', any(m.split('.')[0] in ('telegram', 'handlers') for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "WEB False" in done.stdout and "TELEGRAM False" in done.stdout, done.stdout + done.stderr


def test_static_files_are_package_data():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"web*"' in pyproject and 'web = ["static/*"]' in pyproject
    assert {p.name for p in STATIC.iterdir()} >= {"index.html", "app.js", "app.css"}


# --- the recorder ------------------------------------------------------------------------------


async def test_recorder_writes_in_order_and_flushes_on_close(storage):
    from web.recorder import Recorder

    recorder = Recorder(storage)
    recorder.start()
    for i in range(50):
        recorder.query(user_id="web:s", chat_type="web", text=f"问题{i}", status="fallback", channel="web")
    recorder.feedback(user_id="web:s", entry_id="online_rate", vote=1, channel="web")
    await recorder.close()  # nothing awaited before: close writes all of it
    rows = storage.table_rows()
    assert [r[4] for r in rows["queries"]] == [f"问题{i}" for i in range(50)]
    assert len(rows["feedback"]) == 1 and recorder.written == 51 and recorder.dropped == 0


async def test_recorder_survives_a_failing_write_and_bounds_its_queue(storage, caplog):
    from web.recorder import Recorder

    recorder = Recorder(storage, max_pending=3)
    for i in range(5):  # not started yet: the queue only keeps the newest three
        recorder.query(user_id=None, chat_type="web", text=f"q{i}", status="answer", channel="web")
    recorder.feedback(user_id=None, entry_id="x", vote=0, channel="web")  # invalid vote: raises inside
    recorder.start()
    await recorder.close()
    assert recorder.dropped == 3 and recorder.written == 2
    assert [r[4] for r in storage.table_rows()["queries"]] == ["q3", "q4"]
    assert "could not record the web feedback" in caplog.text
