"""Atomic file writes: write a temporary file beside the target, then rename it."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import InputError

__all__ = ["atomic_write_bytes", "atomic_write_text", "prepare_target"]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode(path: Path) -> int:
    """Return the permissions for ``path``: those it has, else those of any new file."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def prepare_target(path: Path) -> int:
    """Make the directory ``path`` goes in; return the permissions the written file should have.

    Raises :class:`InputError` naming ``path`` when it is a directory or its directory cannot be made.
    """
    if path.is_dir():
        raise InputError(f"cannot write {path}: it is a directory; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InputError(f"cannot write {path}: {path.parent} is a file, not a directory") from None
    except OSError as err:
        raise InputError(f"cannot write {path}: {err.strerror or err}") from None
    return _mode(path)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never half.

    The file keeps the permissions it had, and a new one gets those any new file gets
    (``0o666`` less the umask), not the owner-only mode of a temporary file. A path that
    cannot be written (a directory, a parent that is a file, no permission, a full disk)
    raises :class:`InputError` naming it.
    """
    path = Path(path)
    mode = prepare_target(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise InputError(f"cannot write {path}: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), mode)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(err, OSError):
            raise InputError(f"cannot write {path}: {err.strerror or err}") from None
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))
