"""Log-in attempts are limited per client address and name.

Kept in the server's memory: enough for the one-process server ``thematic serve`` runs; a
restart forgets the counts, which only ever helps a legitimate user.
"""

from __future__ import annotations

import time
from collections import deque
from threading import Lock


class LoginLimiter:
    """At most ``attempts`` failed log-ins per ``window`` seconds for one (address, name)."""

    def __init__(self, attempts: int = 5, window: float = 300.0) -> None:
        self.attempts = attempts
        self.window = window
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and now - failures[0] > self.window:
            failures.popleft()
        return failures

    def wait_seconds(self, address: str, name: str) -> int:
        """0 when a try is allowed, else how long to wait."""
        now = time.monotonic()
        with self._lock:
            failures = self._recent((address, name.casefold()), now)
            if len(failures) < self.attempts:
                return 0
            return int(self.window - (now - failures[0])) + 1

    def failed(self, address: str, name: str) -> None:
        with self._lock:
            self._recent((address, name.casefold()), time.monotonic()).append(time.monotonic())

    def succeeded(self, address: str, name: str) -> None:
        with self._lock:
            self._failures.pop((address, name.casefold()), None)
