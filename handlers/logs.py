"""Logging set-up, with secrets (the bot token, the webhook secret) redacted from every record.

httpx logs each request URL, and Bot API URLs contain the token (`/bot<token>/getUpdates`);
PTB logs its base URL at DEBUG. `RedactingFilter` rewrites a record's message, arguments and
traceback text; `setup_logging` installs it on the root handlers and in the record factory,
so handlers added later (pytest's caplog, a file handler) see redacted records too.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Iterable

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


_installed: RedactingFilter | None = None
_base_factory = logging.getLogRecordFactory()


def _factory(*args, **kwargs) -> logging.LogRecord:
    record = _base_factory(*args, **kwargs)
    if _installed is not None:
        _installed.filter(record)
    return record


def install_redaction(secrets: Iterable[str]) -> RedactingFilter:
    """Redact `secrets` from every record created from now on and from the root handlers."""
    global _installed, _base_factory
    redactor = RedactingFilter(secrets)
    _installed = redactor
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
    global _installed
    _installed = None
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
