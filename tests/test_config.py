"""Settings: read once, injectable, clear errors naming the key, token never shown."""

from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def test_defaults():
    s = load_settings({}, env_file=None)
    assert s.knowledge_dir.name == "knowledge" and s.telegram_api_url == "https://api.telegram.org"
    assert not s.has_token and s.admin_ids == frozenset()


def test_env_file_then_environment(tmp_path: Path):
    env_file = tmp_path / ".env"
    env_file.write_text(f"# comment\nTELEGRAM_BOT_TOKEN='{TOKEN}'\nADMIN_IDS=1, 2\nLOG_LEVEL=debug\n", encoding="utf-8")
    s = load_settings({"ADMIN_IDS": "3"}, env_file=env_file)
    assert s.telegram_bot_token == TOKEN and s.admin_ids == {3} and s.log_level == "DEBUG"


@pytest.mark.parametrize(
    "key, value",
    [
        ("TELEGRAM_BOT_TOKEN", "not-a-token"),
        ("ADMIN_IDS", "1,x"),
        ("WEBHOOK_PORT", "99999"),
        ("WEBHOOK_URL", "http://insecure"),
        ("LOG_LEVEL", "LOUD"),
        ("TELEGRAM_API_URL", "ftp://x"),
        ("DIGEST_TIME", "25:00"),
        ("RETENTION_DAYS", "0"),
        ("WEB_PORT", "0"),
        ("WEB_PORT", "http"),
        ("WEB_HOST", "local host"),
        ("WEB_RATE_LIMIT", "0"),
        ("WEB_WORKERS", "0"),
        ("WEB_WORKERS", "33"),
        ("WEB_WORKERS", "two"),
        ("WEB_ALLOWED_ORIGINS", "https://ok.example.cn,example.cn"),
        ("WEB_ALLOWED_ORIGINS", "https://example.cn/page"),
        ("WEB_ALLOWED_ORIGINS", "https://example.cn/"),
    ],
)
def test_bad_value_names_the_key(key, value):
    with pytest.raises(ConfigError) as caught:
        load_settings({key: value}, env_file=None)
    assert str(caught.value).startswith(key)


def test_web_defaults_and_values():
    s = load_settings({}, env_file=None)
    assert (s.web_host, s.web_port, s.web_allowed_origins, s.web_rate_limit) == ("127.0.0.1", 8080, (), 60)
    s = load_settings(
        {
            "WEB_HOST": "0.0.0.0",
            "WEB_PORT": "9000",
            "WEB_RATE_LIMIT": "5",
            "WEB_ALLOWED_ORIGINS": " https://www.Example.gov.cn , http://localhost:3000,",
        },
        env_file=None,
    )
    assert (s.web_host, s.web_port, s.web_rate_limit) == ("0.0.0.0", 9000, 5)
    assert s.web_allowed_origins == ("https://www.example.gov.cn", "http://localhost:3000")


def test_web_workers_default_to_the_cpus_at_most_4(monkeypatch):
    import os

    from bot import config

    for cpus, expected in ((1, 1), (2, 2), (4, 4), (16, 4)):
        monkeypatch.setattr(os, "sched_getaffinity", lambda pid, n=cpus: set(range(n)), raising=False)
        assert load_settings({}, env_file=None).web_workers == expected
        assert config.Settings().web_workers == expected
    assert load_settings({"WEB_WORKERS": "3"}, env_file=None).web_workers == 3
    assert load_settings({"WEB_WORKERS": " "}, env_file=None).web_workers == 4


def test_token_not_in_repr():
    assert TOKEN not in repr(load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}, env_file=None))


def test_env_example_documents_every_setting():
    example = (Path(__file__).parent.parent / ".env.example").read_text(encoding="utf-8")
    for key in (
        "TELEGRAM_BOT_TOKEN",
        "TELEGRAM_API_URL",
        "ADMIN_IDS",
        "KNOWLEDGE_DIR",
        "DATA_DIR",
        "WEBHOOK_URL",
        "WEBHOOK_LISTEN",
        "WEBHOOK_PORT",
        "WEBHOOK_SECRET",
        "LOG_LEVEL",
        "CONTEXT_TTL_MINUTES",
        "RETENTION_DAYS",
        "DIGEST_TIME",
        "WEB_HOST",
        "WEB_PORT",
        "WEB_ALLOWED_ORIGINS",
        "WEB_RATE_LIMIT",
        "WEB_WORKERS",
    ):
        assert f"{key}=" in example, key


@pytest.mark.parametrize("name", ["REDIS_URL", "DATABASE_URL"])
def test_shared_backends_need_hash_key(name):
    url = "redis://127.0.0.1:6379/0" if name == "REDIS_URL" else "postgresql://u@127.0.0.1/db"
    with pytest.raises(ConfigError) as caught:
        load_settings({name: url}, env_file=None)
    message = str(caught.value)
    assert message.startswith("HASH_KEY: required when REDIS_URL or DATABASE_URL is set") and "\n" not in message
    settings = load_settings({name: url, "HASH_KEY": "k" * 32}, env_file=None)
    assert (settings.redis_url or settings.database_url) == url
    assert url not in repr(settings)  # may hold a password


@pytest.mark.parametrize(("name", "bad"), [("REDIS_URL", "http://x"), ("DATABASE_URL", "mysql://x")])
def test_shared_backend_urls_are_checked(name, bad):
    with pytest.raises(ConfigError, match=f"^{name}: expected"):
        load_settings({name: bad, "HASH_KEY": "k" * 32}, env_file=None)
