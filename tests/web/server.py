"""A local HTTP server for the fetching tests: 127.0.0.1, a port the system picks, started
and stopped by the test. Each path answers as a test sets it: a page, a redirect, an error
status, a body larger than it says, or no answer until the test is over (a slow server)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

#: What a route does with a request.
Respond = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Server:
    """The running server: ``routes`` by path, ``url(path)`` to reach one, ``hits`` counts
    requests by path, ``release`` lets a held request (see :meth:`hold`) go on."""

    port: int
    routes: dict[str, Respond] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def page(
        self, path: str, body: bytes, content_type: str | None = "text/html; charset=utf-8"
    ) -> str:
        def respond(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(200)
            if content_type is not None:
                handler.send_header("Content-Type", content_type)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)

        self.routes[path] = respond
        return self.url(path)

    def status(self, path: str, code: int) -> str:
        def respond(handler: BaseHTTPRequestHandler) -> None:
            handler.send_error(code)

        self.routes[path] = respond
        return self.url(path)

    def redirect(self, path: str, target: str, code: int = 302) -> str:
        def respond(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(code)
            handler.send_header("Location", target)
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        self.routes[path] = respond
        return self.url(path)

    def unsized(self, path: str, body: bytes) -> str:
        """A body sent with no Content-Length, ended by closing the connection."""

        def respond(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Connection", "close")
            handler.end_headers()
            handler.wfile.write(body)
            handler.close_connection = True

        self.routes[path] = respond
        return self.url(path)

    def hold(self, path: str) -> str:
        """Accept the request and answer nothing until the test ends."""

        def respond(handler: BaseHTTPRequestHandler) -> None:
            self.release.wait()

        self.routes[path] = respond
        return self.url(path)


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer

    def do_GET(self) -> None:
        state = self.server.state
        state.hits[self.path] = state.hits.get(self.path, 0) + 1
        respond = state.routes.get(self.path)
        if respond is None:
            self.send_error(404)
        else:
            respond(self)

    def log_message(self, format: str, *args: object) -> None:
        pass  # the tests' output stays theirs


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    state: Server


@contextmanager
def serving() -> Iterator[Server]:
    httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
    state = Server(httpd.server_address[1])
    httpd.state = state
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)
