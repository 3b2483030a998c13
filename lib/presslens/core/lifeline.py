"""How the processes of a run end with it: worker processes that ignore the terminal's Ctrl-C and
exit when their parent is gone, and the lock that lets one run at a time write an output folder.

A run's processes form a tree: ``presslens run``, the kernels it starts (each in a session of its
own), and the worker processes a kernel forks. Ctrl-C reaches the runner, which interrupts the
kernel; the workers leave stopping to the kernel (it ends its pool) and so print no traceback of
their own. Should the runner be killed outright, ipykernel's parent poller ends the kernel (the
kernel is started with JPY_PARENT_PID), and `watch_parent` ends the workers the kernel leaves.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

POLL_SECONDS = 0.5  # how often an orphaned worker looks for its parent


def watch_parent(parent: int, *, interval: float = POLL_SECONDS) -> threading.Thread:
    """End this process (os._exit, no output) as soon as its parent is no longer `parent`."""

    def poll() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    thread = threading.Thread(target=poll, name="presslens-lifeline", daemon=True)
    thread.start()
    return thread


def worker(parent: int, env: dict[str, str] | None = None) -> None:
    """Initializer of a pool's worker processes: Ctrl-C is the parent's to handle, the worker exits
    when `parent` (the pid of the process that made the pool) is gone, and `env` is set in its
    environment."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.update(env or {})
    watch_parent(parent)


class Locked(RuntimeError):
    """Another live process holds the lock; `pid` and `started` say which, as far as it wrote."""

    def __init__(self, path: Path, pid: int | None, started: str) -> None:
        super().__init__(f"{path} is held by pid {pid or 'unknown'} since {started or 'unknown'}")
        self.path, self.pid, self.started = path, pid, started


def _holder(fd: int) -> tuple[int | None, str]:
    """The pid and start time the lock's holder wrote into the lock file, where readable."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = json.loads(os.read(fd, 4096).decode("utf-8") or "{}")
        return int(data.get("pid") or 0) or None, str(data.get("started", ""))
    except (OSError, ValueError, AttributeError):
        return None, ""


@contextlib.contextmanager
def hold(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file `path` while the block runs, or raise Locked at once.

    The lock is an flock(2), which the operating system releases when its holder ends however it
    ends, so a killed process does not hold it; the file stays, naming its last holder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)  # not inherited by child processes
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        pid, started = _holder(fd)
        os.close(fd)
        raise Locked(path, pid, started) from None
    try:
        stamp = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"pid": os.getpid(), "started": stamp}).encode("utf-8") + b"\n")
        yield
    finally:
        os.close(fd)
