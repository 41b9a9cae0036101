"""Open a generated page in Debian's headless Chromium (through Playwright, no browser download) and watch it.

:func:`launch_browser` starts the browser; :func:`open_page` loads a file:// URL with
the context offline, and records every request whose URL is not file:, data: or about:
(each is also aborted), every console error and every uncaught page error.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

__all__ = ["LOCAL_SCHEMES", "PageWatch", "chromium_or_skip", "launch_browser", "open_page"]

LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")
_FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps"]


@dataclass
class PageWatch:
    """What a page did while open."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def settle(self, timeout_ms: int = 15000) -> None:
        """Wait until the layout has settled (the page sets window.__dikgSettled)."""
        self.page.wait_for_function("() => window.__dikgSettled === true", timeout=timeout_ms)


def chromium_or_skip() -> str:
    """Return Chromium's path; without it (or Playwright) skip, or fail when CI is set."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        path = None
    if path is None:
        message = "browser tests need Debian's chromium and the playwright Python package"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@contextmanager
def launch_browser() -> Iterator[Any]:
    """Start Debian's Chromium headless through Playwright (share it across a module's tests)."""
    from playwright.sync_api import sync_playwright

    executable = chromium_or_skip()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, headless=True, args=_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_page(browser: Any, html: Path, width: int = 1400, height: int = 900) -> Iterator[PageWatch]:
    """Open ``html`` from file:// in a fresh offline context of ``browser``."""
    context = browser.new_context(offline=True, viewport={"width": width, "height": height},
                                  service_workers="block")
    try:
        page = context.new_page()
        watch = PageWatch(page)

        def on_request(request: Any) -> None:
            if not request.url.startswith(LOCAL_SCHEMES):
                watch.requests.append(request.url)

        def route(route_: Any) -> None:
            if route_.request.url.startswith(LOCAL_SCHEMES):
                route_.continue_()
            else:
                route_.abort()

        context.on("request", on_request)
        context.route("**/*", route)
        page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: watch.errors.append(str(e)))
        page.goto(html.resolve().as_uri(), wait_until="load")
        yield watch
    finally:
        context.close()
