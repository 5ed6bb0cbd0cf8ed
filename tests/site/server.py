"""Serves a test site on 127.0.0.1 from a thread; answers conditional requests; logs requests."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import asdict, dataclass
from email.message import Message
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

from tests.site.model import BASE, Page, Site, html_page
from tests.site.templates import simple_page
from tests.site.traps import filler_chunk

LOGGED_HEADERS = ("If-None-Match", "If-Modified-Since", "User-Agent", "Accept-Encoding", "Referer")
NOT_FOUND = html_page(simple_page("Không tìm thấy trang", "Trang bạn yêu cầu không tồn tại."), 404)


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One request the server answered."""

    method: str
    path: str
    status: int
    headers: dict[str, str]
    """The request headers named in ``LOGGED_HEADERS`` that were sent."""
    size: int
    """Body bytes sent (the oversized page: the bytes it set out to stream); 0 for 304 and HEAD."""


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    owner: SiteServer

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet: clients that hang up (oversized or truncated pages) are expected."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def log_message(self, format: str, *args: object) -> None:
        """Write nothing to stderr; requests are recorded by the owner instead."""

    def do_GET(self) -> None:
        """Answer a GET."""
        self._answer(head_only=False)

    def do_HEAD(self) -> None:
        """Answer a HEAD."""
        self._answer(head_only=True)

    def _answer(self, *, head_only: bool) -> None:
        owner = self.server.owner
        if owner.delay > 0:
            time.sleep(owner.delay)
        page = owner.site.resolve(self.path) or NOT_FOUND
        if page.status == 200 and _not_modified(page.headers, self.headers):
            owner.record(self._record(304, 0))
            self.send_response(304)
            for name in ("ETag", "Last-Modified", "Cache-Control"):
                if name in page.headers:
                    self.send_header(name, page.headers[name])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = page.body.replace(BASE.encode(), owner.base_url.encode())
        declared = page.declared_length if page.declared_length is not None else len(body)
        size = 0 if head_only else (declared if page.kind == "huge" else len(body))
        # Logged before the response goes out, so a client that has its answer finds it logged.
        owner.record(self._record(page.status, size))
        self._send(page, body, declared, head_only=head_only)

    def _record(self, status: int, size: int) -> RequestRecord:
        sent = {
            name: value for name in LOGGED_HEADERS if (value := self.headers.get(name)) is not None
        }
        return RequestRecord(self.command, self.path, status, sent, size)

    def _send(self, page: Page, body: bytes, declared: int, *, head_only: bool) -> None:
        self.send_response(page.status)
        for name, value in page.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(declared))
        if page.kind != "full":
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if head_only:
            return
        try:
            self.wfile.write(body)
            if page.kind == "huge":
                self._stream_filler(declared - len(body))
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _stream_filler(self, remaining: int) -> None:
        chunk = filler_chunk()
        while remaining > 0:
            part = chunk[:remaining]
            self.wfile.write(part)
            remaining -= len(part)


def _not_modified(page_headers: dict[str, str], request_headers: Message) -> bool:
    get = request_headers.get
    etag = page_headers.get("ETag")
    if_none_match = get("If-None-Match")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return etag is not None and (etag in tags or "*" in tags)
    last_modified, since = page_headers.get("Last-Modified"), get("If-Modified-Since")
    if last_modified is None or since is None:
        return False
    try:
        return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


class SiteServer:
    """A running test site: ``base_url``, the request log, ``set_site`` to change it.

    ``delay`` (seconds, settable while serving) holds every answer back, to make crawls slow.
    """

    def __init__(
        self, site: Site, port: int = 0, *, log_path: Path | None = None, delay: float = 0.0
    ) -> None:
        self._site = site
        self.delay = delay
        self._lock = threading.Lock()
        self._log_path = log_path
        self.requests: list[RequestRecord] = []
        self._httpd = _HTTPServer(("127.0.0.1", port), _Handler)
        self._httpd.owner = self
        host, bound_port = self._httpd.server_address[:2]
        self.base_url = f"http://{host!s}:{bound_port}"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="test-site", daemon=True
        )

    @property
    def site(self) -> Site:
        """Return the site being served."""
        return self._site

    def set_site(self, site: Site) -> None:
        """Serve ``site`` from now on (the next crawl sees the changed site)."""
        self._site = site

    def record(self, entry: RequestRecord) -> None:
        """Append ``entry`` to the request log (and to the log file, as one JSON line)."""
        with self._lock:
            self.requests.append(entry)
            if self._log_path is not None:
                with self._log_path.open("a", encoding="utf-8") as log:
                    log.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")

    def requested_paths(self) -> list[str]:
        """Return the path+query of every request so far, in order."""
        with self._lock:
            return [entry.path for entry in self.requests]

    def start(self) -> SiteServer:
        """Start serving in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._thread.is_alive():
            self._httpd.shutdown()
            self._thread.join(timeout=5)
        self._httpd.server_close()

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted."""
        self._httpd.serve_forever()

    def __enter__(self) -> SiteServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def serve_site(
    site: Site, port: int = 0, *, log_path: Path | None = None, delay: float = 0.0
) -> SiteServer:
    """Start serving ``site`` on 127.0.0.1 (port 0: any free one); use it as a context manager."""
    return SiteServer(site, port, log_path=log_path, delay=delay).start()
