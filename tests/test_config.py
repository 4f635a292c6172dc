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


# --- one declaration per setting: SETTINGS → Settings defaults, parsing, .env.example ---------


def test_every_setting_is_one_field_and_every_field_one_setting():
    import dataclasses

    from bot.config import SETTINGS, Settings

    assert [s.field for s in SETTINGS] != [] and len({s.key for s in SETTINGS}) == len(SETTINGS)
    assert {s.field for s in SETTINGS} == {f.name for f in dataclasses.fields(Settings)}


def test_the_defaults_of_settings_are_the_declared_ones():
    from bot.config import SETTINGS, Settings, default

    defaults, loaded = Settings(), load_settings({}, env_file=None)
    for setting in SETTINGS:
        assert getattr(defaults, setting.field) == getattr(loaded, setting.field) == default(setting.key)
        # an empty value in .env means the default, as the example file shows it
        assert getattr(load_settings({setting.key: ""}, env_file=None), setting.field) == default(setting.key)
    assert defaults.webhook_port == 8443 and defaults.retention_days == 180 and defaults.log_level == "INFO"


def test_secrets_stay_out_of_the_repr():
    from bot.config import SETTINGS

    settings = load_settings(
        {"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_SECRET": "s3cret-value", "HASH_KEY": "k" * 40}, env_file=None
    )
    assert {s.key for s in SETTINGS if s.secret} == {
        "TELEGRAM_BOT_TOKEN",
        "WEBHOOK_SECRET",
        "HASH_KEY",
        "REDIS_URL",
        "DATABASE_URL",
    }
    assert TOKEN not in repr(settings) and "s3cret-value" not in repr(settings) and "k" * 40 not in repr(settings)


def test_env_example_lists_every_setting_with_its_default_and_nothing_else():
    from bot.config import PROJECT_ROOT, SETTINGS, read_env_file

    example = PROJECT_ROOT / ".env.example"
    values = read_env_file(example)
    assert values == {s.key: s.default for s in SETTINGS}
    keys = [line.partition("=")[0] for line in example.read_text(encoding="utf-8").splitlines() if "=" in line[:40]]
    assert [k for k in keys if not k.startswith("#")] == [s.key for s in SETTINGS]  # each once, in order


def test_env_example_is_the_generated_text():
    """`python -m bot settings > .env.example` regenerates it; descriptions come from SETTINGS."""
    from bot.config import PROJECT_ROOT, SETTINGS, env_example

    text = env_example()
    assert (PROJECT_ROOT / ".env.example").read_text(encoding="utf-8") == text
    for setting in SETTINGS:
        assert f"# {setting.description.splitlines()[0]}\n" in text


def test_the_example_file_loads_as_the_defaults(tmp_path):
    from bot.config import PROJECT_ROOT

    assert load_settings({}, env_file=PROJECT_ROOT / ".env.example") == load_settings({}, env_file=None)


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
