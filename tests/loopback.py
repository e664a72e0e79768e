"""Small web servers on 127.0.0.1 for tests: fault-injecting proxies, sites that are not
Label Studio. Loopback only; each stops when its ``with`` block ends."""

import contextlib
import http.server
import threading
from collections.abc import Iterator


@contextlib.contextmanager
def serving(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on a free loopback port in a thread; yield the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def html_site(*, everywhere: bool) -> Iterator[str]:
    """A site serving an HTML page at ``/`` (and, if ``everywhere``, at every path, as a
    single-page app does); other paths are 404 with an HTML body."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = everywhere or self.path == "/"
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body>Hello</body></html>")

        def log_message(self, *args: object) -> None:
            pass

    with serving(Handler) as url:
        yield url
