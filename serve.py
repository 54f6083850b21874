#!/usr/bin/env python3
"""Builds Linli's static site into dist/ and serves it on 127.0.0.1.

    python3 serve.py [--port 8000] [--build-only] [--no-build] [--lan] [--sync]

The first run installs what is missing (Debian packages, Debian source packages, npm
packages; see tools/build.py) and takes several minutes; later runs rebuild only what
changed. dist/ is a plain static site: copy it to any static host (see README.md).

--lan serves on every interface and prints the laptop's LAN address for phones on the same
network. --sync also runs the sync server (tools/sync_server.mjs: PouchDB Server, data in
data/sync/) on 127.0.0.1 and proxies /couch/... to it on the site's own origin, so the app's
同步服务器 can be http://<address>:8000/couch/linli with no CORS (docs/sync.md).
Files are served gzip-compressed to clients that accept it, as a static host (or a CDN)
would serve them, so that what tests and benchmarks measure is what users download.
Sections: static files; the /couch/ proxy; the sync server; LAN address; main.
"""
from __future__ import annotations

import argparse
import email.utils
import functools
import gzip
import http.client
import http.server
import io
import os
import re
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
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

    # Compressed when the client accepts gzip (what a static host does; wasm and fonts
    # shrink by half or more). Already-compressed formats (png) are sent as they are.
    COMPRESSIBLE = {".html", ".js", ".mjs", ".wasm", ".json", ".ttf", ".bin", ".svg", ".webmanifest",
                    ".css", ".txt"}
    # The compressed bytes, by (path, size, mtime): compressing the wasm takes a moment.
    gzip_cache: dict[tuple[str, int, int], bytes] = {}
    gzip_lock = threading.Lock()

    def log_message(self, format, *args):  # quiet unless something fails
        if len(args) > 1 and str(args[1]).startswith(("4", "5")):
            super().log_message(format, *args)

    def accepts_gzip(self) -> bool:
        for part in self.headers.get("Accept-Encoding", "").split(","):
            name, _, params = part.strip().partition(";")
            if name.strip().lower() in ("gzip", "*"):
                q = re.search(r"q\s*=\s*([0-9.]+)", params)
                return not q or float(q.group(1)) > 0
        return False

    def not_modified_since(self, mtime: int) -> bool:
        since = self.headers.get("If-Modified-Since")
        if not since or self.headers.get("If-None-Match"):
            return False
        try:
            return mtime <= int(email.utils.parsedate_to_datetime(since).timestamp())
        except (TypeError, ValueError, IndexError, OverflowError):
            return False

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if os.path.splitext(path)[1] not in self.COMPRESSIBLE or not os.path.isfile(path) \
                or not self.accepts_gzip():
            return super().send_head()
        stat = os.stat(path)
        if self.not_modified_since(int(stat.st_mtime)):
            self.send_response(304)
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return None
        key = (path, stat.st_size, stat.st_mtime_ns)
        with self.gzip_lock:
            body = self.gzip_cache.get(key)
        if body is None:
            with open(path, "rb") as f:
                body = gzip.compress(f.read(), compresslevel=9, mtime=0)
            with self.gzip_lock:
                self.gzip_cache[key] = body
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return io.BytesIO(body)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


# --------------------------------------------------------------------------- the /couch/ proxy

COUCH_PREFIX = "/couch"
# Long-polls (_changes?feed=longpoll) wait up to 60 s upstream; give them room.
UPSTREAM_TIMEOUT = 150
# Headers that belong to one connection, not to the message (RFC 9110 7.6.1).
HOP_BY_HOP = {
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection",
    "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
}


class SyncProxyHandler(StaticHandler):
    """The static site, plus /couch/... forwarded to the sync server (method, path, query,
    body, headers with Cookie, status, headers with every Set-Cookie). The whole reply is
    read before it is sent: no streaming (_changes?feed=continuous is not for this proxy),
    long-polls are fine."""

    upstream: tuple[str, int] = ("127.0.0.1", 5984)

    def log_message(self, format, *args):  # a 401 or 404 is routine for CouchDB clients
        if not self._is_couch() or (len(args) > 1 and str(args[1]).startswith("5")):
            super().log_message(format, *args)

    def _is_couch(self) -> bool:
        path = self.path.split("?", 1)[0]
        return path == COUCH_PREFIX or path.startswith(COUCH_PREFIX + "/")

    def _read_body(self) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else None

    def _send_json(self, status: int, error: str, reason: str) -> None:
        body = ('{"error":"%s","reason":"%s"}\n' % (error, reason.replace('"', "'"))).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def proxy(self) -> None:
        target = self.path[len(COUCH_PREFIX):] or "/"
        if not target.startswith("/"):
            target = "/" + target
        body = self._read_body()
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        host, port = self.upstream
        headers["Host"] = f"{host}:{port}"
        headers["X-Forwarded-For"] = self.client_address[0]
        if body is not None or self.command in ("POST", "PUT"):
            headers["Content-Length"] = str(len(body or b""))
        conn = http.client.HTTPConnection(host, port, timeout=UPSTREAM_TIMEOUT)
        try:
            conn.request(self.command, target, body=body, headers=headers)
            resp = conn.getresponse()
            data = self._read_reply(resp)
            reply_headers = resp.getheaders()
        except (ConnectionError, OSError, http.client.HTTPException) as e:
            self._send_json(504 if isinstance(e, TimeoutError) else 502, "bad_gateway",
                            f"the sync server did not answer: {e}")
            return
        finally:
            conn.close()
        try:
            self._reply(resp, reply_headers, data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client went away (a long-poll it gave up on)

    @staticmethod
    def _read_reply(resp: http.client.HTTPResponse) -> bytes:
        """The whole reply, within UPSTREAM_TIMEOUT even when heartbeats keep it going."""
        deadline = time.monotonic() + UPSTREAM_TIMEOUT
        parts = []
        while True:
            part = resp.read1(65536) if not resp.isclosed() else b""
            if not part:
                return b"".join(parts)
            parts.append(part)
            if time.monotonic() > deadline:
                raise TimeoutError(f"no complete reply within {UPSTREAM_TIMEOUT} s")

    def _reply(self, resp: http.client.HTTPResponse, reply_headers: list, data: bytes) -> None:
        host, port = self.upstream
        self.send_response(resp.status, resp.reason)
        upstream_origin = f"http://{host}:{port}"
        for name, value in reply_headers:
            lower = name.lower()
            if lower in HOP_BY_HOP or lower in ("date", "server"):  # send_response wrote ours
                continue
            if lower == "location" and value.startswith(upstream_origin):
                value = COUCH_PREFIX + value[len(upstream_origin):]
            self.send_header(name, value)
        if self.command != "HEAD":
            self.send_header("Content-Length", str(len(data)))
        elif resp.getheader("Content-Length"):
            self.send_header("Content-Length", resp.getheader("Content-Length"))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_GET(self):
        if self._is_couch():
            self.proxy()
        else:
            super().do_GET()

    def do_HEAD(self):
        if self._is_couch():
            self.proxy()
        else:
            super().do_HEAD()

    def _couch_only(self):
        if self._is_couch():
            self.proxy()
        else:
            self.send_error(405, "Only /couch/ takes this method")

    do_POST = do_PUT = do_DELETE = do_COPY = do_OPTIONS = _couch_only


# --------------------------------------------------------------------------- the sync server


class SyncServer:
    """node tools/sync_server.mjs on 127.0.0.1 and a free port, data in data_dir. Its stdin
    is a pipe from here: when serve.py ends, even by SIGKILL, the sync server stops too."""

    def __init__(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        cmd = ["node", str(ROOT / "tools" / "sync_server.mjs"), "--dir", str(data_dir),
               "--port", "0", "--host", "127.0.0.1", "--exit-with-stdin"]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, bufsize=1)
        self.lines: list[str] = []
        found = threading.Event()
        self.origin = ""

        def read() -> None:
            for line in self.proc.stdout:
                line = line.rstrip("\n")
                m = re.search(r"Linli sync server at (http://[^/\s]+)/", line)
                if m and not self.origin:
                    self.origin = m.group(1)
                self.lines.append(line)
                if len(self.lines) >= 2 and self.origin:
                    found.set()
            found.set()

        threading.Thread(target=read, daemon=True).start()
        if not found.wait(60) or not self.origin:
            self.stop()
            raise RuntimeError("the sync server did not start: " + " | ".join(self.lines[-5:]))
        host, _, port = self.origin[len("http://"):].partition(":")
        self.address = (host, int(port))
        self.admin_line = next((line for line in self.lines if line.startswith("admin user:")), "")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# --------------------------------------------------------------------------- LAN address


def lan_address() -> str | None:
    """The address other devices on the network reach this one at: the source address of a
    UDP socket "connected" to a private address (no packet is sent). None when offline."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.connect(("10.254.254.254", 1))
        address = sock.getsockname()[0]
    except OSError:
        return None
    finally:
        sock.close()
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def serve(directory: Path, host: str, port: int, lan: bool = False, sync: SyncServer | None = None) -> None:
    if sync:
        handler_class = type("Handler", (SyncProxyHandler,), {"upstream": sync.address})
    else:
        handler_class = StaticHandler
    handler = functools.partial(handler_class, directory=str(directory))
    with Server((host, port), handler) as httpd:
        port = httpd.server_address[1]
        if not lan:
            print(f"Linli is served at http://{host}:{port}/  (Ctrl+C stops)", flush=True)
            site = f"http://{host}:{port}"
        else:
            address = lan_address()
            print(f"Linli is served at http://127.0.0.1:{port}/ on this laptop  (Ctrl+C stops)", flush=True)
            if address:
                print(f"On phones on the same network open http://{address}:{port}/", flush=True)
                site = f"http://{address}:{port}"
            else:
                print(f"No LAN address found (offline?): serving on {host}; "
                      "open http://<this laptop's address>:{port}/ on phones", flush=True)
                site = f"http://<address>:{port}"
        if sync:
            print(f"Sync: 同步服务器 (database URL) {site}{COUCH_PREFIX}/linli for staff, "
                  f"{site}{COUCH_PREFIX}/linli-volunteers for volunteers", flush=True)
            print(f"Sync server {sync.origin}/ (this laptop only), {sync.admin_line}", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass


def interrupt(*_args) -> None:
    """SIGTERM (a test, systemd) ends serve.py as Ctrl+C does, so the sync server stops too."""
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000, help="port to serve on (0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--build-only", action="store_true", help="build dist/ and exit")
    parser.add_argument("--no-build", action="store_true", help="serve dist/ as it is")
    parser.add_argument("--dir", type=Path, default=build.DIST, help="serve this folder instead of dist/")
    parser.add_argument("--lan", action="store_true",
                        help="serve on every interface and print the LAN address for phones")
    parser.add_argument("--sync", action="store_true",
                        help="also run the sync server and proxy /couch/ to it (docs/sync.md)")
    parser.add_argument("--sync-dir", type=Path, default=ROOT / "data" / "sync",
                        help="the sync server's folder (databases, admin.json); default data/sync")
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
    host = args.host
    if args.lan and host == "127.0.0.1":
        host = "0.0.0.0"  # phones reach the LAN address, this laptop 127.0.0.1
    if not args.sync:
        serve(args.dir, host, args.port, lan=args.lan)
        return 0
    if args.no_build:
        build.ensure_npm()  # setup() did it otherwise
    try:
        sync = SyncServer(args.sync_dir)
    except RuntimeError as e:
        print(e, file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, interrupt)
    try:
        serve(args.dir, host, args.port, lan=args.lan, sync=sync)
    except KeyboardInterrupt:
        pass
    finally:
        sync.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
