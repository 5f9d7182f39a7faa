"""HTTP/1.1 for the service: uvicorn's h11 protocol with a deadline on each request's headers.

uvicorn times out an idle keep-alive connection, but not one that has sent part of a request:
a client that opens a connection and sends its headers slowly (or never finishes them) holds it
for as long as it likes, and a few thousand such clients hold the server. Here the whole header
block must arrive within ``header_timeout`` seconds of the connection opening, or of the previous
response on a kept-alive connection; trickling a byte at a time does not extend it. Past the
deadline the connection is closed (with 408 if part of a request had arrived).
"""
from __future__ import annotations

import asyncio

from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT = 10.0  # seconds


class HeaderDeadlineProtocol(H11Protocol):
    def __init__(self, *args, header_timeout: float = HEADER_TIMEOUT, **kwargs):
        super().__init__(*args, **kwargs)
        self.header_timeout = header_timeout
        self._header_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()  # the next request on this connection has its own deadline

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._header_deadline = self.loop.call_later(self.header_timeout, self._deadline_passed)

    def _disarm(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _deadline_passed(self) -> None:
        self._header_deadline = None
        if self.transport.is_closing() or (self.cycle is not None and not self.cycle.response_complete):
            return  # a request whose headers came in time is being answered
        partial, _closed = self.conn.trailing_data
        if partial:
            self.transport.write(b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\n"
                                 b"connection: close\r\ncontent-length: 36\r\n\r\n"
                                 b"request headers not received in time")
        self.transport.close()
