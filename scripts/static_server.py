#!/usr/bin/env python3
"""A small static file server for the page: correct wasm MIME type, no caching."""
import argparse
import functools
import http.server


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript",
                      ".data": "application/octet-stream"}

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, fmt, *args):  # quiet
        pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--port", type=int, default=8080)
    a = ap.parse_args()
    handler = functools.partial(Handler, directory=a.root)
    with http.server.ThreadingHTTPServer(("127.0.0.1", a.port), handler) as srv:
        srv.serve_forever()


if __name__ == "__main__":
    main()
