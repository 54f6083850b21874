#!/usr/bin/env python3
"""Builds Linli's static site into dist/ and serves it on 127.0.0.1.

    python3 serve.py [--port 8000] [--build-only] [--no-build]

The first run installs what is missing (Debian packages, Debian source packages, npm
packages; see tools/build.py) and takes several minutes; later runs rebuild only what
changed. dist/ is a plain static site: copy it to any static host (see README.md).
"""
from __future__ import annotations

import argparse
import functools
import http.server
import socketserver
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "tools"))

import build  # noqa: E402  (tools/build.py)


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
        ".ttf": "font/ttf",
    }

    def log_message(self, format, *args):  # quiet unless something fails
        if len(args) > 1 and str(args[1]).startswith(("4", "5")):
            super().log_message(format, *args)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve(directory: Path, host: str, port: int) -> None:
    handler = functools.partial(StaticHandler, directory=str(directory))
    with Server((host, port), handler) as httpd:
        print(f"Linli is served at http://{host}:{httpd.server_address[1]}/  (Ctrl+C stops)", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000, help="port to serve on (0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--build-only", action="store_true", help="build dist/ and exit")
    parser.add_argument("--no-build", action="store_true", help="serve dist/ as it is")
    parser.add_argument("--dir", type=Path, default=build.DIST, help="serve this folder instead of dist/")
    args = parser.parse_args()
    if not args.no_build:
        build.setup()
        build.build_web()
    if args.build_only:
        print(f"Built {build.DIST}")
        return 0
    if args.dir == build.DIST and not (build.DIST / "index.html").exists():
        print("dist/ is empty: run without --no-build first", file=sys.stderr)
        return 1
    serve(args.dir, args.host, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
