"""Settings, read once from the environment and an optional `.env` file.

Every setting is documented in `.env.example`. `load_settings()` is called at the
edge (the CLI); everything else receives a `Settings` object, so tests inject their own.
A bad value raises `ConfigError` whose message starts with the offending key.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_KNOWLEDGE_DIR = PROJECT_ROOT / "knowledge"  # a folder of report packs
CURATED_PACK = DEFAULT_KNOWLEDGE_DIR / "yiyang-2023"  # the shipped, hand-curated pack


MAX_WEB_WORKERS = 32
DEFAULT_MAX_WEB_WORKERS = 4  # the default is the number of CPUs, at most this


def default_web_workers() -> int:
    """WEB_WORKERS when unset: the CPUs this process may run on, at most 4."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, DEFAULT_MAX_WEB_WORKERS))


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the key."""


@dataclass(frozen=True)
class Settings:
    knowledge_dir: Path = DEFAULT_KNOWLEDGE_DIR
    data_dir: Path = Path("data")
    telegram_bot_token: str = field(default="", repr=False)
    telegram_api_url: str = "https://api.telegram.org"
    admin_ids: frozenset[int] = frozenset()
    webhook_url: str = ""
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    webhook_secret: str = field(default="", repr=False)
    log_level: str = "INFO"
    context_ttl_minutes: int = 10
    retention_days: int = 180
    digest_time: str = ""
    web_host: str = "127.0.0.1"
    web_port: int = 8080
    web_allowed_origins: tuple[str, ...] = ()
    web_rate_limit: int = 60
    web_workers: int = field(default_factory=default_web_workers)
    hash_key: str = field(default="", repr=False)  # key for user pseudonyms (else DATA_DIR/hash.key)
    redis_url: str = field(default="", repr=False)  # shared context, rate limits, knowledge version (several machines)
    database_url: str = field(default="", repr=False)  # usage records in PostgreSQL (else SQLite in DATA_DIR)

    @property
    def has_token(self) -> bool:
        return bool(self.telegram_bot_token)


_TOKEN_RE = re.compile(r"^\d+:[A-Za-z0-9_-]{20,}$")
_LOG_LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}
_ORIGIN_RE = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?$")
_HOST_RE = re.compile(r"^[A-Za-z0-9.:_-]+$")


def read_env_file(path: Path) -> dict[str, str]:
    """Parse a minimal `.env` file: KEY=VALUE lines, # comments, optional quotes."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export ") :]
        key, sep, value = line.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"{path}:{lineno}: expected KEY=VALUE")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def _int(env: Mapping[str, str], key: str, default: int, low: int, high: int) -> int:
    raw = env.get(key, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{key}: expected a whole number, got {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(f"{key}: must be between {low} and {high}, got {value}")
    return value


def _origins(env: Mapping[str, str]) -> tuple[str, ...]:
    """WEB_ALLOWED_ORIGINS: comma-separated `scheme://host[:port]`, without a path."""
    origins: list[str] = []
    for part in env.get("WEB_ALLOWED_ORIGINS", "").split(","):
        part = part.strip()
        if not part:
            continue
        if not _ORIGIN_RE.match(part):
            raise ConfigError(
                f"WEB_ALLOWED_ORIGINS: expected comma-separated origins like "
                f"https://www.example.gov.cn (no path, no trailing slash), got {part!r}"
            )
        if part.lower() not in origins:
            origins.append(part.lower())
    return tuple(origins)


def load_settings(
    environ: Mapping[str, str] | None = None,
    env_file: Path | None = Path(".env"),
) -> Settings:
    """Build Settings from `.env` (if present) overlaid by the real environment."""
    env: dict[str, str] = {}
    if env_file is not None:
        env.update(read_env_file(env_file))
    env.update(os.environ if environ is None else environ)

    token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
    if token and not _TOKEN_RE.match(token):
        raise ConfigError("TELEGRAM_BOT_TOKEN: malformed, expected the form 123456:ABC... from BotFather")

    api_url = env.get("TELEGRAM_API_URL", "").strip() or "https://api.telegram.org"
    if not re.match(r"^https?://[^\s/]+", api_url):
        raise ConfigError(f"TELEGRAM_API_URL: expected an http(s) URL, got {api_url!r}")

    admin_ids: set[int] = set()
    for part in env.get("ADMIN_IDS", "").split(","):
        part = part.strip()
        if not part:
            continue
        if not re.fullmatch(r"-?\d+", part):
            raise ConfigError(f"ADMIN_IDS: expected comma-separated numeric user ids, got {part!r}")
        admin_ids.add(int(part))

    webhook_url = env.get("WEBHOOK_URL", "").strip()
    if webhook_url and not webhook_url.startswith("https://"):
        raise ConfigError("WEBHOOK_URL: must start with https:// (Telegram only calls HTTPS webhooks)")
    secret = env.get("WEBHOOK_SECRET", "").strip()
    if secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
        raise ConfigError("WEBHOOK_SECRET: 1-256 characters of A-Z, a-z, 0-9, _ and - only")

    log_level = (env.get("LOG_LEVEL", "").strip() or "INFO").upper()
    if log_level not in _LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL: expected one of {', '.join(sorted(_LOG_LEVELS))}, got {log_level!r}")

    digest = env.get("DIGEST_TIME", "").strip()
    if digest and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", digest):
        raise ConfigError(f"DIGEST_TIME: expected HH:MM (24h), got {digest!r}")

    web_host = env.get("WEB_HOST", "").strip() or "127.0.0.1"
    if not _HOST_RE.match(web_host):
        raise ConfigError(f"WEB_HOST: expected a host name or IP address, got {web_host!r}")
    hash_key = env.get("HASH_KEY", "").strip()
    if hash_key and len(hash_key) < 32:
        raise ConfigError(
            "HASH_KEY: at least 32 characters (e.g. python3 -c 'import secrets; print(secrets.token_hex(32))')"
        )

    redis_url = env.get("REDIS_URL", "").strip()
    if redis_url and not re.match(r"^(redis|rediss|unix)://", redis_url):
        raise ConfigError("REDIS_URL: expected redis://host:port/db (or rediss://, unix://)")
    database_url = env.get("DATABASE_URL", "").strip()
    if database_url and not re.match(r"^postgres(ql)?://", database_url):
        raise ConfigError("DATABASE_URL: expected postgresql://user:password@host:port/database")
    if (redis_url or database_url) and not hash_key:
        raise ConfigError(
            "HASH_KEY: required when REDIS_URL or DATABASE_URL is set (the same key on every machine; "
            "e.g. python3 -c 'import secrets; print(secrets.token_hex(32))')"
        )

    knowledge = env.get("KNOWLEDGE_DIR", "").strip()
    data = env.get("DATA_DIR", "").strip()
    return Settings(
        knowledge_dir=Path(knowledge) if knowledge else DEFAULT_KNOWLEDGE_DIR,
        data_dir=Path(data) if data else Path("data"),
        telegram_bot_token=token,
        telegram_api_url=api_url.rstrip("/"),
        admin_ids=frozenset(admin_ids),
        webhook_url=webhook_url,
        webhook_listen=env.get("WEBHOOK_LISTEN", "").strip() or "127.0.0.1",
        webhook_port=_int(env, "WEBHOOK_PORT", 8443, 1, 65535),
        webhook_secret=secret,
        log_level=log_level,
        context_ttl_minutes=_int(env, "CONTEXT_TTL_MINUTES", 10, 1, 1440),
        retention_days=_int(env, "RETENTION_DAYS", 180, 1, 3650),
        digest_time=digest,
        web_host=web_host,
        web_port=_int(env, "WEB_PORT", 8080, 1, 65535),
        web_allowed_origins=_origins(env),
        web_rate_limit=_int(env, "WEB_RATE_LIMIT", 60, 1, 100000),
        web_workers=_int(env, "WEB_WORKERS", default_web_workers(), 1, MAX_WEB_WORKERS),
        hash_key=hash_key,
        redis_url=redis_url,
        database_url=database_url,
    )
