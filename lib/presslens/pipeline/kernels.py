"""The kernels the notebooks run in (one shared while the corpus is small), and stopping them on a
signal. The progress bar is `eta`'s."""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
import pyarrow.parquet as pq


# The kernel logs only errors: its warning that it talks to papermill over local TCP without
# encryption is noise on a terminal. It keeps no input history: a shared kernel restarts its cell
# counter for each notebook, which IPython's history database refuses with an error printed into
# the parameters cell ("Session/line number was not unique"); a run has no use for the history.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR", "--HistoryManager.enabled=False"]


# Empty a shared kernel: its variables deleted, its cell counter reset, and the memory they held
# handed back to the system rather than kept by the allocator into the notebooks after it (%reset
# collects the garbage once the variables are gone; glibc's free memory is then trimmed:
# `engine.trim`).
RESET = (
    "%reset -f\n"
    "get_ipython().execution_count = 1\n"
    "__import__('presslens.core.engine', fromlist=['trim']).trim()"
)

SHARE_BELOW = 20_000  # articles: below this many the notebooks share one kernel (see Kernels)


class Kernels:
    """The kernels the notebooks run in. While the corpus is small (fewer than SHARE_BELOW articles)
    the notebooks share one kernel, emptied before each notebook (its variables deleted, its cell
    counter reset), so imports and models load once instead of once per notebook: for a small corpus
    that start-up is most of a run. For a larger corpus each notebook gets a fresh kernel, whose
    memory is returned when it ends. Either way the runner starts the kernel itself, so it can
    interrupt or kill the one running (`interrupt`, `kill`). Every notebook also runs on its own
    (papermill, JupyterLab), which the tests check."""

    def __init__(self, stage: Path, *, share: bool | None) -> None:
        self.stage, self.share, self.km = stage, share, None

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for papermill: the kernel to run the next notebook in, started and
        ready (a shared one emptied)."""
        if self.share is None:
            articles = self.stage / "data" / "articles.parquet"
            if articles.exists() and pq.ParquetFile(articles).metadata.num_rows >= SHARE_BELOW:
                self.share = False
                self.close()
        if self.km is not None and not self.km.is_alive():
            self.close()  # it ended (killed from outside): the next notebook gets a new one
        if self.km is None:
            self._start()
        else:
            self._execute(RESET)
        return {"km": self.km}

    def _start(self) -> None:
        """Start a kernel in the run folder and wait until it answers (so that an interrupt finds
        it handling signals)."""
        self.km = _manager_class()(kernel_name="python3")  # kept before it starts: `close` ends it
        self.km.start_kernel(cwd=str(self.stage), extra_arguments=KERNEL_ARGUMENTS)
        self._execute("")

    def _execute(self, code: str) -> None:
        """Run `code` in the kernel, silently, and wait for it (the kernel's one client waits for
        a new kernel to answer first)."""
        kc = self.km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        if code:
            kc.execute_interactive(code, silent=True, store_history=False, timeout=60)

    def release(self) -> None:
        """After a notebook: end its kernel unless the notebooks share it (or may, see `kwargs`)."""
        if self.share is False:
            self.close()

    def interrupt(self) -> None:
        """Interrupt the running kernel as Jupyter's interrupt button does (KeyboardInterrupt in
        the cell). Safe in a signal handler: the manager is called from a thread of its own, not
        from inside the event loop papermill is running."""
        km = self.km
        if km is not None:
            threading.Thread(target=_quietly, args=(km.interrupt_kernel,), daemon=True).start()

    def kill(self) -> None:
        """Kill the running kernel and every process of its group (its worker processes) at once."""
        km = self.km
        provisioner = getattr(km, "provisioner", None)
        group = getattr(provisioner, "pgid", None) or getattr(
            getattr(provisioner, "process", None), "pid", None
        )
        if group:
            with contextlib.suppress(OSError):
                os.killpg(group, signal.SIGKILL)

    def close(self) -> None:
        """End the kernel, if one runs, and its worker processes."""
        if self.km is None:
            return
        kept = getattr(self.km, "_client", None)  # the kernel's one client, if it has one
        if kept is not None:
            with contextlib.suppress(Exception):
                kept.stop_channels()
        try:
            self.km.shutdown_kernel(now=True)
        except Exception:  # noqa: BLE001 - a kernel stopped half-way: kill what is left of it
            self.kill()
        self.km = None


@functools.cache
def _manager_class() -> type:
    """A kernel manager with one client for all the notebooks a kernel runs, its channels open
    from the first to the last. papermill would open new ones for each notebook and wait for the
    kernel to answer on them: 0.2 s even for a kernel that answers at once, since a new
    subscription misses the first messages the kernel sends it. Each notebook's messages are told
    apart by the request they answer, so what an earlier one left unread is passed over."""
    from jupyter_client.blocking import BlockingKernelClient
    from jupyter_client.manager import KernelManager
    from traitlets import default

    class OneClient(BlockingKernelClient):
        answered = False  # the kernel answered on these channels once: it is ready

        def start_channels(self, *args: Any, **kwargs: Any) -> None:
            if not self.channels_running:
                super().start_channels(*args, **kwargs)

        def wait_for_ready(self, timeout: float | None = None) -> None:
            if not self.answered:
                super().wait_for_ready(timeout=timeout)
                self.answered = True

    class OneClientManager(KernelManager):
        def client(self, **kwargs: Any) -> Any:
            """The kernel's one client (made on the first call, with its arguments)."""
            if getattr(self, "_client", None) is None:
                self._client = super().client(**kwargs)
            return self._client

        @default("client_factory")
        def _one_client(self) -> type:
            return OneClient

    return OneClientManager


def _quietly(call: Any) -> None:
    """Call `call()`, ignoring a failure (the kernel may be gone already)."""
    with contextlib.suppress(Exception):
        call()


class Interrupted(BaseException):
    """The run was stopped by a signal (SIGINT, SIGTERM). A BaseException, as KeyboardInterrupt, so
    the handlers of failed notebooks do not take it for one."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
GRACE_SECONDS = 3.0  # an interrupted kernel that has not stopped after this long is killed
STOP_SECONDS = 4.5  # a runner that has not stopped after this long cleans up and ends at once


class Stopper:
    """Ctrl-C and SIGTERM during a run. The handler never raises (an exception thrown into whatever
    the runner is doing, an import say, can leave it deadlocked): it notes the signal, and while a
    notebook executes (`executing`) it interrupts the kernel, which ends the cell and its pool of
    workers so that papermill returns, and kills the kernel if it still runs GRACE_SECONDS later.
    The runner raises Interrupted at its next `check`. Should it not have stopped STOP_SECONDS
    after the signal, or should a second signal come, `abandon` (the runner's clean-up, returning
    what to say) is called, the message written and the process ended. While the finished run is
    moved into place (`finishing`) a signal is ignored and the run completes. The handlers are
    installed from the main thread only, and the previous ones restored on exit."""

    def __init__(
        self,
        kernels: Kernels,
        *,
        abandon: Callable[[int], str] | None = None,
        grace: float = GRACE_SECONDS,
        stop: float = STOP_SECONDS,
    ) -> None:
        self.kernels, self.abandon, self.grace, self.stop = kernels, abandon, grace, stop
        self.signum, self.phase = 0, "between"
        self.timers: list[threading.Timer] = []
        self.saved: dict[int, Any] = {}

    def __enter__(self) -> "Stopper":
        if threading.current_thread() is threading.main_thread():
            self.saved = {s: signal.signal(s, self._handle) for s in STOP_SIGNALS}
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self.saved.items():
            signal.signal(signum, handler)
        for timer in self.timers:
            timer.cancel()

    def _handle(self, signum: int, frame: object) -> None:
        if self.phase == "finishing":
            return
        if self.signum:
            self.stop_now()
            return
        self.signum = signum
        if self.phase == "executing":
            self.kernels.interrupt()
            self._later(self.grace, self.kernels.kill)
        self._later(self.stop, self.stop_now)

    def _later(self, seconds: float, call: Callable[[], None]) -> None:
        timer = threading.Timer(seconds, call)
        timer.daemon = True
        self.timers.append(timer)
        timer.start()

    def stop_now(self) -> None:
        """Kill the kernel, clean up (`abandon`), say what happened and end the process."""
        self.kernels.kill()
        message = ""
        with contextlib.suppress(Exception):
            message = self.abandon(self.signum) if self.abandon else ""
        os.write(2, f"\npresslens: {message}\n".encode() if message else b"\n")
        os._exit(128 + self.signum)

    @contextlib.contextmanager
    def executing(self) -> Iterator[None]:
        """A notebook executes: a signal interrupts its kernel; raise Interrupted once it stopped
        (whether the notebook failed from it or ended at the same moment)."""
        self.check()
        self.phase = "executing"
        try:
            yield
        except Exception:
            if self.signum:
                raise Interrupted(self.signum) from None
            raise
        finally:
            self.phase = "between"
        self.check()

    def check(self) -> None:
        """Raise Interrupted if a signal came."""
        if self.signum:
            raise Interrupted(self.signum)

    def finishing(self) -> None:
        """From now on the run completes: signals are ignored."""
        self.check()
        self.phase = "finishing"
