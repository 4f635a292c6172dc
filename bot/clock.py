"""Beijing time: backup stamps, admin reports and the daily digest are in it."""

from __future__ import annotations

from datetime import timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "北京时间")
