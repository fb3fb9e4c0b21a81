"""Untrusted web pages: nothing active survives, nothing is fetched or read locally
(reliability-test-plan.md section B, T21, T23, T24)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.document import InlineStyle
from annotator.errors import ImportRejected
from annotator.importers import import_bytes

PROSE = "The council met to discuss the harbour and its future. " * 12


@pytest.fixture
def loopback() -> Iterator[tuple[str, list[str]]]:
    """A server on 127.0.0.1 that records every request made to it."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()
    thread.join()


def test_active_content_never_reaches_the_document(tmp_path: Path,
                                                   loopback: tuple[str, list[str]]) -> None:
    base, hits = loopback
    canary = tmp_path / "secret.txt"
    canary.write_text("CANARY-LOCAL-FILE")
    page = f"""<!DOCTYPE html><html><head>
    <meta http-equiv="refresh" content="0;url={base}/refresh">
    <base href="{base}/base/"><link rel=stylesheet href="{base}/css">
    <style>@import url({base}/import); body {{ background: url({base}/bg) }}</style>
    <script>document.title = "SCRIPT-RAN"</script></head>
    <body onload="alert('ONLOAD')"><article><h1>Harbour</h1>
    <p>{PROSE}<a href="JaVaScRiPt:alert(1)">click</a> <a href="file://{canary}">local</a>
    <a href="{base}/page">remote</a><img src="{base}/img.png"><img src="file://{canary}">
    <img src="{canary}"><iframe src="{base}/frame"></iframe><object data="{base}/o"></object>
    <svg onload="alert('SVG')"></svg><form action="{base}/f"><input value="FORM"></form>
    <math><mtext><table><mglyph><style><img src=x onerror="alert('MXSS')">
    </style></mglyph></table></mtext></math></p></article></body></html>"""
    document = import_bytes(page.encode(), "evil.html")
    for banned in ("SCRIPT-RAN", "alert", "CANARY-LOCAL-FILE", "FORM", "MXSS", "onload"):
        assert banned not in document.text
    targets = [i.target for i in document.inlines if i.style is InlineStyle.LINK]
    assert targets == [f"{base}/page"]  # kept as text beside the words, never fetched
    assert hits == []
    assert "The council met" in document.text


@pytest.mark.parametrize("suffix", [".html", ".htm", ".md", ".txt"])
def test_binaries_renamed_as_pages_are_refused(suffix: str) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40
    with pytest.raises(ImportRejected, match="looks like a PNG image"):
        import_bytes(png, f"photo{suffix}")
    elf = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 40
    with pytest.raises(ImportRejected, match="ELF"):
        import_bytes(elf, f"tool{suffix}")


def test_a_page_without_text_is_refused_clearly() -> None:
    with pytest.raises(ImportRejected, match=r"no (article|readable) text"):
        import_bytes(b"<!DOCTYPE html><html><body><script>x()</script></body></html>", "e.html")
