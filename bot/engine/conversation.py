"""Per-chat follow-up context, shared by every front end."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Conversation:
    """Per-chat follow-up context: the last answered entry, for "那成功率呢？"."""

    last_entry_id: str | None = None
    updated_at: float = 0.0
    ttl_seconds: float = 600.0
    last_year: int | None = None  # the report year of the last answer ("比上一年呢")
    last_text: str = ""  # the last question answered
    last_parts: str = ""  # the entries a combined last answer gave, in order, space-separated ("第二个呢")
    # the last question was declined for its year or place; last_text is it without them and
    # last_entry_id the answer offered instead ("那2023年的呢" asks it again, in scope)
    scoped_out: bool = False

    def active(self, now: float) -> bool:
        return self.last_entry_id is not None and now - self.updated_at <= self.ttl_seconds

    def scope_declined(self, question: str, offered: str | None, now: float) -> None:
        """A question declined for its year or place, kept without them for the next turn."""
        self.last_text, self.scoped_out, self.updated_at = question, True, now
        self.last_entry_id = offered or self.last_entry_id

    def remember(self, entry_id: str, now: float) -> None:
        self.last_entry_id, self.updated_at, self.scoped_out = entry_id, now, False
