"""A PNG of the view, taken by headless Chromium from the HTML file (no network, fresh profile)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..atomic import prepare_target
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
    # Chromium writes a file of its own beside the PNG, renamed into place once whole: an
    # earlier PNG is never taken for the new one, nor left half-written.
    mode = prepare_target(png)
    chromium = find_chromium(executable)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{png.name}.", suffix=".png", dir=png.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        with tempfile.TemporaryDirectory(prefix="dikg-chromium-") as profile:
            cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                   f"--virtual-time-budget={wait_ms}", f"--screenshot={tmp}", html.as_uri()]
            try:
                run = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
            except subprocess.TimeoutExpired:
                raise DikgError(f"chromium took over 120 s to render {html}") from None
        if run.returncode != 0 or not tmp.is_file():
            last = (run.stderr.strip().splitlines() or ["no output"])[-1]
            raise DikgError(f"chromium could not screenshot {html}: {last}")
        tmp.chmod(mode)
        os.replace(tmp, png)
    finally:
        tmp.unlink(missing_ok=True)
    return png
