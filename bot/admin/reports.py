"""Plain-text (Simplified Chinese) renderings of the usage figures, shared by
`python -m bot report` / `unanswered` and the Telegram `/stats`, `/unanswered` and digest.
Front ends escape the text for their markup. Times are shown in Beijing time."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from bot.clock import BEIJING
from bot.knowledge.model import Knowledge
from bot.storage.unanswered import UnansweredGroup
from bot.storage.usage import Stats

STATUS_LABEL = {"fallback": "未答上", "clarify": "追问确认"}
CHANNEL_LABEL = {"telegram": "Telegram", "web": "网页"}


def when(ts: float, seconds: bool = False) -> str:
    return datetime.fromtimestamp(ts, BEIJING).strftime("%Y-%m-%d %H:%M" + (":%S" if seconds else ""))


def entry_label(knowledge: Knowledge | None, entry_id: str) -> str:
    entry = knowledge.entries.get(entry_id) if knowledge is not None else None
    return f"{entry.title}（{entry_id}）" if entry is not None else entry_id


def _pct(stats: Stats, count: int) -> str:
    return f"{count}（{stats.share(count) * 100:.1f}%）"


def period(stats: Stats) -> str:
    days = stats.days
    label = f"最近 {days:g} 天" if days != int(days) else f"最近 {int(days)} 天"
    return f"{label}（{when(stats.since)} 至 {when(stats.until)}，北京时间）"


def format_stats(stats: Stats, knowledge: Knowledge | None = None, title: str | None = None) -> str:
    lines = [title or f"使用统计：{period(stats)}"]
    if title:
        lines.append(period(stats))
    lines.append(f"提问 {stats.total} 次，来自 {stats.users} 位用户")
    if stats.channels:
        lines.append("渠道：" + " · ".join(f"{CHANNEL_LABEL.get(c, c)} {n}" for c, n in stats.channels))
    if stats.total:
        lines.append(
            f"已回答 {_pct(stats, stats.answered)} · 追问确认 {_pct(stats, stats.clarified)}"
            f" · 未答上 {_pct(stats, stats.unanswered)} · 寒暄/超出范围 {_pct(stats, stats.small_talk)}"
        )
    if stats.median_latency_ms is not None:
        lines.append(f"响应时间中位数 {stats.median_latency_ms:.0f} 毫秒")
    lines.append(f"评价：👍 {stats.thumbs_up} · 👎 {stats.thumbs_down}")
    if stats.top_entries:
        lines.append("")
        lines.append("热门条目 Top 10：")
        lines += [f"{i}. {entry_label(knowledge, e)} × {n}" for i, (e, n) in enumerate(stats.top_entries, 1)]
    if stats.top_unanswered:
        lines.append("")
        lines.append("未答上的问题 Top 10：")
        lines += [f"{i}. {text} × {n}" for i, (text, n) in enumerate(stats.top_unanswered, 1)]
    if stats.disliked:
        lines.append("")
        lines.append("👎 较多的条目：")
        lines += [f"· {entry_label(knowledge, e)} × {n}" for e, n in stats.disliked]
    return "\n".join(lines)


def format_group(index: int, group: UnansweredGroup, knowledge: Knowledge | None = None) -> str:
    status = "/".join(STATUS_LABEL.get(s, s) for s in group.statuses)
    lines = [f"{index}. 「{group.text}」× {group.count}（{status}，最近 {when(group.last_ts)}）"]
    if group.variants:
        shown = group.variants[:5]
        more = f" 等 {len(group.variants)} 种" if len(group.variants) > len(shown) else ""
        lines.append("   相近说法：" + "；".join(shown) + more)
    if group.closest:
        lines.append(
            "   最接近：" + "；".join(f"{entry_label(knowledge, c.entry_id)} {c.score:.2f}" for c in group.closest)
        )
    return "\n".join(lines)


def format_unanswered(
    groups: list[UnansweredGroup], knowledge: Knowledge | None = None, days: float | None = None
) -> str:
    head = f"最近 {days:g} 天" if days is not None else "最近"
    if not groups:
        return f"{head}没有未答上或需要追问确认的问题。"
    lines = [f"{head}未答上或需要追问确认的问题（相近说法已合并）："]
    lines += [format_group(i, g, knowledge) for i, g in enumerate(groups, 1)]
    return "\n".join(lines)


def write_stats_csv(stats: Stats, path: Path | str, knowledge: Knowledge | None = None) -> None:
    """The /stats figures as rows `section,item,value` (UTF-8 with BOM, opens in Excel)."""
    rows: list[tuple[str, str, object]] = [
        ("period", "since", when(stats.since, True)),
        ("period", "until", when(stats.until, True)),
        ("period", "days", f"{stats.days:g}"),
        ("summary", "queries", stats.total),
        ("summary", "users", stats.users),
        ("summary", "answered", stats.answered),
        ("summary", "clarified", stats.clarified),
        ("summary", "unanswered", stats.unanswered),
        ("summary", "small_talk", stats.small_talk),
        ("summary", "answered_share", f"{stats.share(stats.answered):.4f}"),
        ("summary", "clarified_share", f"{stats.share(stats.clarified):.4f}"),
        ("summary", "unanswered_share", f"{stats.share(stats.unanswered):.4f}"),
        ("summary", "median_latency_ms", "" if stats.median_latency_ms is None else f"{stats.median_latency_ms:.1f}"),
        ("feedback", "thumbs_up", stats.thumbs_up),
        ("feedback", "thumbs_down", stats.thumbs_down),
    ]
    rows += [("channel", channel, n) for channel, n in stats.channels]
    rows += [("top_entry", entry_label(knowledge, e), n) for e, n in stats.top_entries]
    rows += [("top_unanswered", text, n) for text, n in stats.top_unanswered]
    rows += [("disliked_entry", entry_label(knowledge, e), n) for e, n in stats.disliked]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("section", "item", "value"))
        writer.writerows(rows)
