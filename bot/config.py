"""Settings, read once from the environment and an optional `.env` file.

Every setting is declared once, in `SETTINGS`: its key, its default (as written in `.env`),
the parser that checks a value, and its Chinese description. The `Settings` defaults, the
parsing and `.env.example` (`python -m bot settings`, checked by tests/test_config.py) all
come from that table. `load_settings()` is called at the edge (the CLI); everything else
receives a `Settings` object, so tests inject their own. A bad value raises `ConfigError`
whose message starts with the offending key.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
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


_TOKEN_RE = re.compile(r"^\d+:[A-Za-z0-9_-]{20,}$")
_LOG_LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}
_ORIGIN_RE = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?$")
_HOST_RE = re.compile(r"^[A-Za-z0-9.:_-]+$")


# --- parsers: (key, the stripped text or the default when unset) -> the value ---------------


def _text(key: str, raw: str) -> str:
    return raw


def _number(low: int, high: int, unset: Callable[[], int] | None = None) -> Callable[[str, str], int]:
    def parse(key: str, raw: str) -> int:
        if not raw and unset is not None:
            return unset()
        try:
            value = int(raw)
        except ValueError:
            raise ConfigError(f"{key}: expected a whole number, got {raw!r}") from None
        if not low <= value <= high:
            raise ConfigError(f"{key}: must be between {low} and {high}, got {value}")
        return value

    return parse


def _path(unset: Path | None = None) -> Callable[[str, str], Path]:
    def parse(key: str, raw: str) -> Path:
        return Path(raw) if raw else unset

    return parse


def _token(key: str, raw: str) -> str:
    if raw and not _TOKEN_RE.match(raw):
        raise ConfigError(f"{key}: malformed, expected the form 123456:ABC... from BotFather")
    return raw


def _http_url(key: str, raw: str) -> str:
    if not re.match(r"^https?://[^\s/]+", raw):
        raise ConfigError(f"{key}: expected an http(s) URL, got {raw!r}")
    return raw.rstrip("/")


def _user_ids(key: str, raw: str) -> frozenset[int]:
    ids: set[int] = set()
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        if not re.fullmatch(r"-?\d+", part):
            raise ConfigError(f"{key}: expected comma-separated numeric user ids, got {part!r}")
        ids.add(int(part))
    return frozenset(ids)


def _https_url(key: str, raw: str) -> str:
    if raw and not raw.startswith("https://"):
        raise ConfigError(f"{key}: must start with https:// (Telegram only calls HTTPS webhooks)")
    return raw


def _secret(key: str, raw: str) -> str:
    if raw and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", raw):
        raise ConfigError(f"{key}: 1-256 characters of A-Z, a-z, 0-9, _ and - only")
    return raw


def _log_level(key: str, raw: str) -> str:
    level = raw.upper()
    if level not in _LOG_LEVELS:
        raise ConfigError(f"{key}: expected one of {', '.join(sorted(_LOG_LEVELS))}, got {level!r}")
    return level


def _clock_time(key: str, raw: str) -> str:
    if raw and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", raw):
        raise ConfigError(f"{key}: expected HH:MM (24h), got {raw!r}")
    return raw


def _host(key: str, raw: str) -> str:
    if not _HOST_RE.match(raw):
        raise ConfigError(f"{key}: expected a host name or IP address, got {raw!r}")
    return raw


def _hash_key(key: str, raw: str) -> str:
    if raw and len(raw) < 32:
        raise ConfigError(
            f"{key}: at least 32 characters (e.g. python3 -c 'import secrets; print(secrets.token_hex(32))')"
        )
    return raw


def _origins(key: str, raw: str) -> tuple[str, ...]:
    """Comma-separated `scheme://host[:port]`, without a path; lower-cased, duplicates dropped."""
    origins: list[str] = []
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        if not _ORIGIN_RE.match(part):
            raise ConfigError(
                f"{key}: expected comma-separated origins like "
                f"https://www.example.gov.cn (no path, no trailing slash), got {part!r}"
            )
        if part.lower() not in origins:
            origins.append(part.lower())
    return tuple(origins)


@dataclass(frozen=True)
class Setting:
    """One setting: `key` in the environment (the `Settings` field is its lower case), the
    default as written in `.env` ("" = unset, the parser then gives the default), the parser,
    the `.env.example` section it is listed under and its description there (Chinese)."""

    key: str
    default: str
    parse: Callable[[str, str], object]
    section: str
    description: str
    secret: bool = False  # never shown in a repr or a log

    @property
    def field(self) -> str:
        return self.key.lower()

    def value(self, env: Mapping[str, str]) -> object:
        return self.parse(self.key, env.get(self.key, "").strip() or self.default)


TELEGRAM = "Telegram"
WEBHOOK = "Webhook（设置 WEBHOOK_URL 即启用；不设则使用长轮询）"
DATA = "知识库与数据"
WEB = "网页版与 HTTP 接口（python -m bot web）"
SHARED = "多台服务器（见 docs/deploy.md）"
OTHER = "其他"


def _redis_url(key: str, raw: str) -> str:
    if raw and not re.match(r"^(redis|rediss|unix)://", raw):
        raise ConfigError(f"{key}: expected redis://host:port/db (or rediss://, unix://)")
    return raw


def _database_url(key: str, raw: str) -> str:
    if raw and not re.match(r"^postgres(ql)?://", raw):
        raise ConfigError(f"{key}: expected postgresql://user:password@host:port/database")
    return raw


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "TELEGRAM_BOT_TOKEN",
        "",
        _token,
        TELEGRAM,
        "BotFather 给的令牌，形如 123456789:AA...；留空则 `python -m bot` 启动终端问答。令牌不会写入日志。",
        secret=True,
    ),
    Setting(
        "TELEGRAM_API_URL",
        "https://api.telegram.org",
        _http_url,
        TELEGRAM,
        "Bot API 根地址；机器人调用 {TELEGRAM_API_URL}/bot{token}/{method}。自建 Bot API 服务器或测试时修改。",
    ),
    Setting(
        "ADMIN_IDS",
        "",
        _user_ids,
        TELEGRAM,
        "管理员的 Telegram 用户 id，英文逗号分隔（如 12345,67890）；可使用 /reload、/stats 等管理命令。",
    ),
    Setting("WEBHOOK_URL", "", _https_url, WEBHOOK, "对外的 HTTPS 地址，如 https://bot.example.com/telegram"),
    Setting("WEBHOOK_LISTEN", "127.0.0.1", _text, WEBHOOK, "本机监听地址（反向代理转发到这里）"),
    Setting("WEBHOOK_PORT", "8443", _number(1, 65535), WEBHOOK, "本机监听端口"),
    Setting(
        "WEBHOOK_SECRET",
        "",
        _secret,
        WEBHOOK,
        "Telegram 回调时携带的密钥（1–256 位字母、数字、_ 或 -），用于校验请求来源。\n"
        "设置了 WEBHOOK_URL 时必填：没有它机器人不会启动（任何人都能伪造推送）。\n"
        "密钥不符、不是 JSON 或声明超过 256 KB 的请求在读取正文之前即被拒绝。",
        secret=True,
    ),
    Setting(
        "KNOWLEDGE_DIR",
        "",
        _path(DEFAULT_KNOWLEDGE_DIR),
        DATA,
        "知识库文件夹（每个报告一个子文件夹：report.txt、metrics.yaml、faq.yaml、topics.yaml、synonyms.yaml），"
        "留空则为项目中的 knowledge/",
    ),
    Setting(
        "DATA_DIR",
        "./data",
        _path(),
        DATA,
        "数据目录，启动时自动创建（权限 0700）；其中的 bot.sqlite3（权限 0600）记录提问、\n"
        "👍/👎 和管理操作（提问者只以带密钥的哈希记录，不存 Telegram id 或姓名）。知识库文件的备份不在这里，\n"
        "而在知识库文件夹下的 .backups/ 中（每个文件保留最近 30 份）。",
    ),
    Setting(
        "HASH_KEY",
        "",
        _hash_key,
        DATA,
        "提问者哈希（HMAC-SHA256）的密钥，至少 32 个字符，"
        "可用 python3 -c 'import secrets; print(secrets.token_hex(32))' 生成。\n"
        "留空则首次启动时在 DATA_DIR 中生成 hash.key（权限 0600）。密钥不在数据库里：只拿到数据库的人无法由哈希反推 id。\n"
        "建议设置在这里或环境变量中，且不要与数据库一起备份或拷贝；更换密钥后，新旧记录不再对应同一个人。",
        secret=True,
    ),
    Setting(
        "RETENTION_DAYS",
        "180",
        _number(1, 3650),
        DATA,
        "提问、评价和管理操作记录的保留天数（1–3650），超期的记录每天自动清理",
    ),
    Setting(
        "DIGEST_TIME",
        "",
        _clock_time,
        DATA,
        "每日管理员摘要的发送时间（HH:MM，24 小时制，北京时间）：前一天的统计和新的未答上问题；留空则不发送",
    ),
    Setting(
        "WEB_HOST",
        "127.0.0.1",
        _host,
        WEB,
        "监听地址。默认只监听本机，由 nginx 等反向代理对外提供 HTTPS；直接对外开放时改为 0.0.0.0",
    ),
    Setting("WEB_PORT", "8080", _number(1, 65535), WEB, "监听端口"),
    Setting(
        "WEB_ALLOWED_ORIGINS",
        "",
        _origins,
        WEB,
        "允许跨域调用接口、并可用 iframe 嵌入问答页面的网站，英文逗号分隔，\n"
        "写到域名（和端口）为止，如 https://www.yiyang.gov.cn,https://zwfw.yiyang.gov.cn；留空则都不允许",
    ),
    Setting(
        "WEB_RATE_LIMIT",
        "60",
        _number(1, 100000),
        WEB,
        "每个访问者（按 IP，经本机反向代理时按 X-Forwarded-For）每分钟最多请求接口的次数，超过时返回 429",
    ),
    Setting(
        "WEB_WORKERS",
        "",
        _number(1, MAX_WEB_WORKERS, unset=default_web_workers),
        WEB,
        f"工作进程数（1–{MAX_WEB_WORKERS}）。留空则为本机可用的 CPU 核数，最多 {DEFAULT_MAX_WEB_WORKERS} 个；"
        "也可用 python -m bot web --workers N 临时指定。\n"
        "多个进程时，追问上下文和限流计数保存在 DATA_DIR/web-sessions.sqlite3（权限 0600）中，各进程共用；\n"
        "只有 1 个进程时保存在内存中。每个进程各占一份知识库的内存。",
    ),
    Setting(
        "REDIS_URL",
        "",
        _redis_url,
        SHARED,
        "两台以上服务器共用的 Redis：网页版和接口的追问上下文、限流计数。留空则每台机器各自保存（单机默认）。\n"
        "例如 redis://10.0.0.5:6379/0（有密码时 redis://:密码@主机:6379/0）。设置后必须同时设置 HASH_KEY（各台相同）。\n"
        "Redis 暂时不可用时照常回答：追问按单独问题处理，限流按各进程计数，每分钟记录一条错误，恢复后自动重连。",
        secret=True,
    ),
    Setting(
        "DATABASE_URL",
        "",
        _database_url,
        SHARED,
        "两台以上服务器共用的 PostgreSQL：提问记录、评价、管理操作、统计、未答上问题和 Telegram 更新日志。\n"
        "留空则使用 DATA_DIR 中的 SQLite 数据库（单机默认）。例如 postgresql://yyqa:密码@10.0.0.6:5432/yyqa\n"
        "设置后必须同时设置 HASH_KEY（各台相同）。数据库暂时不可用时照常回答，记录暂存在内存中（最多 10000 条），\n"
        "恢复后写入；超出的条数写入日志并在 /stats 中显示。",
        secret=True,
    ),
    Setting(
        "CONTEXT_TTL_MINUTES",
        "10",
        _number(1, 1440),
        OTHER,
        "追问上下文（如“那成功率呢？”）的有效时间，分钟（1–1440）",
    ),
    Setting(
        "LOG_LEVEL",
        "INFO",
        _log_level,
        OTHER,
        "日志级别：DEBUG / INFO / WARNING / ERROR / CRITICAL（DEBUG 日志也不含用户 id、姓名或消息原文）",
    ),
)
SETTING = {setting.key: setting for setting in SETTINGS}


def default(key: str) -> object:
    """The value of a setting when it is not set."""
    return SETTING[key].value({})


def _field(key: str):
    return field(default_factory=lambda: default(key), repr=not SETTING[key].secret)


@dataclass(frozen=True)
class Settings:
    """One value per entry of `SETTINGS` (field = key in lower case); defaults from the table."""

    knowledge_dir: Path = _field("KNOWLEDGE_DIR")
    data_dir: Path = _field("DATA_DIR")
    telegram_bot_token: str = _field("TELEGRAM_BOT_TOKEN")
    telegram_api_url: str = _field("TELEGRAM_API_URL")
    admin_ids: frozenset[int] = _field("ADMIN_IDS")
    webhook_url: str = _field("WEBHOOK_URL")
    webhook_listen: str = _field("WEBHOOK_LISTEN")
    webhook_port: int = _field("WEBHOOK_PORT")
    webhook_secret: str = _field("WEBHOOK_SECRET")
    log_level: str = _field("LOG_LEVEL")
    context_ttl_minutes: int = _field("CONTEXT_TTL_MINUTES")
    retention_days: int = _field("RETENTION_DAYS")
    digest_time: str = _field("DIGEST_TIME")
    web_host: str = _field("WEB_HOST")
    web_port: int = _field("WEB_PORT")
    web_allowed_origins: tuple[str, ...] = _field("WEB_ALLOWED_ORIGINS")
    web_rate_limit: int = _field("WEB_RATE_LIMIT")
    web_workers: int = _field("WEB_WORKERS")
    hash_key: str = _field("HASH_KEY")  # key for user pseudonyms (else DATA_DIR/hash.key)
    redis_url: str = _field("REDIS_URL")  # shared context, rate limits, knowledge version (several machines)
    database_url: str = _field("DATABASE_URL")  # usage records in PostgreSQL (else SQLite in DATA_DIR)

    @property
    def has_token(self) -> bool:
        return bool(self.telegram_bot_token)


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


def load_settings(
    environ: Mapping[str, str] | None = None,
    env_file: Path | None = Path(".env"),
) -> Settings:
    """Build Settings from `.env` (if present) overlaid by the real environment; the first bad
    value raises `ConfigError` naming its key."""
    env: dict[str, str] = {}
    if env_file is not None:
        env.update(read_env_file(env_file))
    env.update(os.environ if environ is None else environ)
    settings = Settings(**{setting.field: setting.value(env) for setting in SETTINGS})
    if (settings.redis_url or settings.database_url) and not settings.hash_key:
        raise ConfigError(
            "HASH_KEY: required when REDIS_URL or DATABASE_URL is set (the same key on every machine; "
            "e.g. python3 -c 'import secrets; print(secrets.token_hex(32))')"
        )
    return settings


ENV_EXAMPLE_HEAD = (
    "# 益阳法治问答 — 配置示例。复制为 .env 后按需修改；也可直接设置同名环境变量（环境变量优先）。\n"
    "# 所有配置只在启动时读取一次；格式错误时程序会给出一行提示并指出是哪一项。\n"
    "# 本文件由 python -m bot settings 生成（配置项的唯一定义在 bot/config.py 的 SETTINGS 中）。\n"
)


def env_example() -> str:
    """The text of `.env.example`: every setting with its default and description, by section."""
    lines = [ENV_EXAMPLE_HEAD.rstrip("\n")]
    section = None
    for setting in SETTINGS:
        if setting.section != section:
            section = setting.section
            gap = "" if section.endswith("）") else " "  # no space after a full-width bracket
            lines += ["", f"# ---- {section}{gap}----"]
        lines += [f"# {line}" for line in setting.description.split("\n")]
        lines.append(f"{setting.key}={setting.default}")
    return "\n".join(lines) + "\n"
