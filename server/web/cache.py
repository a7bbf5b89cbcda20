"""A bounded, thread-safe LRU sized in bytes: the one cache behind answers, pages and fast path.

Everything the atlas caches is derived from the read-only store, so entries never go stale while
the process runs; the only question is memory, which ``max_bytes`` bounds.
"""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock
from typing import Any


class ResponseCache:
    """A bounded, thread-safe LRU of finished answers, bounded by their total size in bytes."""

    OVERHEAD = 256  # bytes counted per entry for its key, so tiny answers cannot pile up

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.total = 0
        self._entries: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self._lock = Lock()

    def get(self, key: Any) -> Any:
        """Return the cached value (marking it recently used) or None."""
        with self._lock:
            if key not in self._entries:
                return None
            self._entries.move_to_end(key)
            return self._entries[key][0]

    def put(self, key: Any, value: Any, size: int | None = None) -> Any:
        """Keep ``value`` (size: given, or its first item's length); return it."""
        weight = (len(value[0]) if size is None else size) + self.OVERHEAD
        if weight > self.max_bytes:
            return value
        with self._lock:
            old = self._entries.pop(key, None)
            self.total += weight - (old[1] if old else 0)
            self._entries[key] = (value, weight)
            while self.total > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.total -= dropped
        return value
