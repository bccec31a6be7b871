"""A polite HTTP client: a user agent that names Qatynas, timeouts, retries with back-off.

Only transient failures are retried (no answer, a timeout, 429 and 5xx replies), waiting
`backoff * 2**attempt` seconds between tries; a 404 is an answer, not a reason to ask again.
The standard library's urllib is enough for this, and it keeps the client free of new
dependencies.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

from qatynas import __version__

USER_AGENT = f"qatynas/{__version__} (news research; +https://github.com/qatynas)"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A URL that gave no usable answer: `status` is the HTTP status, None if none came."""

    def __init__(self, url: str, message: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url
        self.status = status


@dataclass(frozen=True)
class Response:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str
    body: bytes


@dataclass
class Client:
    timeout: float = 15.0
    retries: int = 2
    backoff: float = 1.0
    max_bytes: int = 16 * 1024 * 1024
    user_agent: str = USER_AGENT
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)

    def get(self, url: str) -> Response:
        """The answer to GET `url`, after retries; raises FetchError when none is usable."""
        for attempt in range(self.retries + 1):
            try:
                return self._get_once(url)
            except FetchError as err:
                transient = err.status is None or err.status in RETRY_STATUS
                if not transient or attempt == self.retries:
                    raise
            self.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def _get_once(self, url: str) -> Response:
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as reply:
                body = reply.read(self.max_bytes + 1)
                if len(body) > self.max_bytes:
                    raise FetchError(url, f"larger than {self.max_bytes} bytes", reply.status)
                return Response(
                    url, reply.geturl(), reply.status, reply.headers.get_content_type(), body
                )
        except urllib.error.HTTPError as err:
            raise FetchError(url, f"HTTP {err.code} {err.reason}", err.code) from None
        except TimeoutError:
            raise FetchError(url, f"no answer within {self.timeout:g} s") from None
        except urllib.error.URLError as err:
            raise FetchError(url, f"cannot connect: {err.reason}") from None
        except (ConnectionError, OSError) as err:
            raise FetchError(url, f"connection failed: {err}") from None
