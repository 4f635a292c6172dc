"""Work done once per message: a pure result needed again while one message is answered
(the same sub-question read by several splits, the same ask searched twice) is reused.

The memo lives exactly as long as one message (`one_message()`), so no question is answered
faster because another was asked before it. It is per thread and per asyncio task
(contextvars); a key names every input of the work it stands for.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_MEMO: ContextVar[dict | None] = ContextVar("message_memo", default=None)


@contextmanager
def one_message() -> Iterator[None]:
    """Keep `once` results until the block ends; a nested block shares the outer one's."""
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def once(key: Hashable, compute: Callable[[], T]) -> T:
    """compute(), or its result for the same key earlier in this message."""
    memo = _MEMO.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]
