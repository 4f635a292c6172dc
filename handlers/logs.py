"""Logging set-up: secrets redacted and citizens' data left out of every record.

httpx logs each request URL, and Bot API URLs contain the token (`/bot<token>/getUpdates`);
PTB logs its base URL at DEBUG. `RedactingFilter` rewrites a record's message, arguments and
traceback text; `setup_logging` installs it on the root handlers and in the record factory,
so handlers added later (pytest's caplog, a file handler) see redacted records too.

At DEBUG, python-telegram-bot logs whole updates and Bot API parameters and results (user
ids, names, message texts). `scrub_record`, run first in the same record factory, replaces
such arguments of `telegram.*` and `tornado.*` records by a summary: an update by its
update id, a mapping by its keys, a list by its length, a long text by its length.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Iterable, Mapping

REDACTED = "[REDACTED]"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFilter(logging.Filter):
    """Replace each secret (and the token's secret half) in a log record by [REDACTED]."""

    def __init__(self, secrets: Iterable[str]):
        super().__init__()
        found: set[str] = set()
        for secret in secrets:
            if not secret:
                continue
            found.add(secret)
            _, _, tail = secret.partition(":")
            if len(tail) >= 8:  # a bot token's secret part, e.g. in a URL-encoded form
                found.add(tail)
        self.secrets = sorted(found, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets or getattr(record, "_redacted", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 — a bad format string: keep what we can
            message = str(record.msg)
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        record._redacted = True
        return True


_SCRUBBED_LOGGERS = ("telegram", "tornado")
_SHORT_TEXT = 80


def _summary(value):
    """A log argument without the data it carries (see the module docstring)."""
    from telegram import TelegramObject, Update  # only the bot imports this module

    if isinstance(value, Update):
        return f"<update {value.update_id}>"
    if isinstance(value, TelegramObject):
        return f"<{type(value).__name__}>"
    if isinstance(value, Mapping):
        return "<fields " + ", ".join(str(k) for k in list(value)[:20]) + ">"
    if isinstance(value, (list, tuple)):
        if all(isinstance(v, int) for v in value):  # update ids
            return value
        return f"<{len(value)} items>"
    if isinstance(value, (bytes, bytearray)):
        return f"<{len(value)} bytes>"
    if isinstance(value, str) and len(value) > _SHORT_TEXT:
        return f"<text of {len(value)} characters>"
    return value


def scrub_record(record: logging.LogRecord) -> None:
    """Replace the data-carrying arguments of library records by summaries."""
    if not record.args or not record.name.startswith(_SCRUBBED_LOGGERS):
        return
    if isinstance(record.args, Mapping):
        record.args = (_summary(record.args),)
    else:
        record.args = tuple(_summary(a) for a in record.args)


_installed: RedactingFilter | None = None
_scrubbing = False
_base_factory = logging.getLogRecordFactory()


def _factory(*args, **kwargs) -> logging.LogRecord:
    record = _base_factory(*args, **kwargs)
    if _scrubbing:
        try:
            scrub_record(record)
        except Exception:  # noqa: BLE001 - a log line must never fail
            record.args = ()
            record.msg = str(record.msg)
    if _installed is not None:
        _installed.filter(record)
    return record


def install_redaction(secrets: Iterable[str]) -> RedactingFilter:
    """Redact `secrets` from every record created from now on and from the root handlers;
    scrub citizens' data from library records (`scrub_record`)."""
    global _installed, _base_factory, _scrubbing
    redactor = RedactingFilter(secrets)
    _installed = redactor
    _scrubbing = True
    current = logging.getLogRecordFactory()
    if current is not _factory:
        _base_factory = current
        logging.setLogRecordFactory(_factory)
    for handler in logging.getLogger().handlers:
        for old in [f for f in handler.filters if isinstance(f, RedactingFilter)]:
            handler.removeFilter(old)
        handler.addFilter(redactor)
    return redactor


def uninstall_redaction() -> None:
    """Undo `install_redaction` (tests)."""
    global _installed, _scrubbing
    _installed = None
    _scrubbing = False
    if logging.getLogRecordFactory() is _factory:
        logging.setLogRecordFactory(_base_factory)
    for handler in logging.getLogger().handlers:
        for old in [f for f in handler.filters if isinstance(f, RedactingFilter)]:
            handler.removeFilter(old)


def setup_logging(level: str, secrets: Iterable[str]) -> None:
    """Log to stderr at `level`; quiet httpx's per-request lines; redact `secrets`."""
    logging.basicConfig(level=level, format=LOG_FORMAT, stream=sys.stderr, force=True)
    if level != "DEBUG":
        logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per poll otherwise
    install_redaction(secrets)
