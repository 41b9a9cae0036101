"""A PNG of the view, taken by headless Chromium from the HTML file (no network, fresh profile)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import DikgError

__all__ = ["CHROMIUM_FLAGS", "CHROMIUM_NAMES", "find_chromium", "screenshot"]

#: executables tried, in order, when none is given
CHROMIUM_NAMES: tuple[str, ...] = ("chromium", "chromium-browser", "google-chrome", "chrome")
#: flags of every headless run: no sandbox (containers), no GPU, no background traffic
CHROMIUM_FLAGS: tuple[str, ...] = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
    "--hide-scrollbars", "--mute-audio", "--no-default-browser-check",
)


def find_chromium(executable: str | None = None) -> str:
    """Return the path of a Chromium executable, or raise with what to install."""
    for name in (executable,) if executable else CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise DikgError("chromium not found; install it (Debian: apt-get install chromium) or pass its path")


def screenshot(html_path: str | Path, png_path: str | Path, width: int = 1600, height: int = 1000,
               wait_ms: int = 20000, executable: str | None = None) -> Path:
    """Render ``html_path`` in headless Chromium and save a ``width`` x ``height`` PNG.

    ``wait_ms`` is virtual time: the layout settles without waiting that long in real time.
    """
    html, png = Path(html_path).resolve(), Path(png_path).resolve()
    png.parent.mkdir(parents=True, exist_ok=True)
    chromium = find_chromium(executable)
    with tempfile.TemporaryDirectory(prefix="dikg-chromium-") as profile:
        cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
               f"--virtual-time-budget={wait_ms}", f"--screenshot={png}", html.as_uri()]
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
        except subprocess.TimeoutExpired:
            raise DikgError(f"chromium took over 120 s to render {html}") from None
    if run.returncode != 0 or not png.exists():
        last = (run.stderr.strip().splitlines() or ["no output"])[-1]
        raise DikgError(f"chromium could not screenshot {html}: {last}")
    return png
