"""Short previews for messages: never the whole of a huge value.

`preview(text)` cuts a text; `preview_value(value)` is a bounded `repr`. Containers are
only counted, never written out: a value built from YAML aliases shares its parts and
would be exponentially large as text.
"""

from __future__ import annotations

PREVIEW_CHARS = 60


def preview(text: str, limit: int = PREVIEW_CHARS) -> str:
    """`text` on one line, cut to `limit` characters with a note of how much was left out."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… (+{len(text) - limit} chars)"


def preview_value(value: object, limit: int = PREVIEW_CHARS) -> str:
    """A bounded `repr`: strings quoted and cut, containers described by their size."""
    if isinstance(value, str):
        return repr(value) if len(value) <= limit else f"{value[:limit]!r}… (+{len(value) - limit} chars)"
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        kind = "a mapping" if isinstance(value, dict) else "a list"
        return f"{kind} of {len(value)} items"
    if isinstance(value, (int, float, bool)) or value is None:
        return preview(repr(value), limit)
    return f"a {type(value).__name__}"
