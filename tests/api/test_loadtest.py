"""`communique loadtest` measures a server on this machine and refuses any other."""
import http.server
import threading

import pytest

from communique.api.load import run_load
from communique.errors import InputError


def test_load_counts_requests_and_errors():
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            status = 200 if self.path == "/ok" else 500
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        res = run_load(f"http://127.0.0.1:{server.server_address[1]}", ["/ok", "/bad"], clients=3, duration=1.0)
    finally:
        server.shutdown()
    assert res["/ok"]["requests"] > 0 and res["/ok"]["errors"] == 0 and res["/ok"]["p95_ms"] >= res["/ok"]["p50_ms"]
    assert res["/bad"]["errors"] == res["/bad"]["requests"] > 0


@pytest.mark.parametrize("base", ["http://10.0.0.1:8000", "https://127.0.0.1:8000", "ftp://127.0.0.1"])
def test_only_loopback_http_servers(base):
    with pytest.raises(InputError):
        run_load(base, ["/"], clients=1, duration=0.1)
