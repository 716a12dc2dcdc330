"""Peak resident memory of the processes a benchmark step runs: the API (uvicorn), the
Neo4j JVM, this process and the `lrm` commands it starts, read from /proc.

Linux keeps each process's peak resident set (VmHWM in /proc/PID/status). At the start
of a step the peak of every long-lived process is reset (writing 5 to /proc/PID/
clear_refs, allowed for our own children), so the step's peak is its own, not the one of
an earlier step. A short-lived process (an `lrm import`) is watched while it runs: its
VmHWM only grows, so the last reading before it exits is its peak (to the sampling
interval). Not ru_maxrss: Linux carries the parent's peak over into a child across fork.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

INTERVAL = 0.2  # seconds between readings of a watched process


def status_mib(pid: int, name: str) -> float | None:
    """Return /proc/PID/status's `name` (VmRSS, VmHWM) in MiB; None once the process is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    for line in text.splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1]) / 1024
    return None


def reset_peak(pid: int) -> bool:
    """Reset the process's peak resident set to what it holds now; say whether it worked."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        return False
    return True


@dataclass
class Peaks:
    """The peak resident MiB of each named process over one step (`measure`)."""

    pids: dict[str, int]
    before: dict[str, float] = field(default_factory=dict)  # VmRSS at the start
    peak: dict[str, float] = field(default_factory=dict)
    since_start: set[str] = field(default_factory=set)  # peak not reset: the process's own
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stop: threading.Event = field(default_factory=threading.Event)

    def watch(self, name: str, pid: int) -> None:
        """Follow a process started during the step (its peak since it started)."""
        with self._lock:
            self.pids[name] = pid
            self.before.setdefault(name, 0.0)

    def read(self) -> None:
        """Take one reading of every process still running (VmHWM only grows)."""
        with self._lock:
            for name, pid in self.pids.items():
                high = status_mib(pid, "VmHWM")
                if high is not None:
                    self.peak[name] = max(self.peak.get(name, 0.0), high)

    def _sample(self) -> None:
        while not self._stop.wait(INTERVAL):
            self.read()

    def summary(self) -> str:
        """Return 'name peak MiB (+growth)' for each process, for a table cell."""
        parts = []
        for name in self.pids:
            if name not in self.peak:
                continue
            grown = self.peak[name] - self.before.get(name, 0.0)
            flag = " (peak since start)" if name in self.since_start else ""
            parts.append(f"{name} {self.peak[name]:,.0f} (+{grown:,.0f}){flag}")
        return "; ".join(parts)


@contextmanager
def measure(**pids: int) -> Iterator[Peaks]:
    """Reset the named processes' peaks, sample them (and any `watch`ed) while the block
    runs, and leave each one's peak resident MiB in the `Peaks` it yields."""
    peaks = Peaks(dict(pids))
    for name, pid in pids.items():
        peaks.before[name] = status_mib(pid, "VmRSS") or 0.0
        if not reset_peak(pid):
            peaks.since_start.add(name)
    sampler = threading.Thread(target=peaks._sample, name="bench-memory", daemon=True)
    sampler.start()
    try:
        yield peaks
    finally:
        peaks._stop.set()
        sampler.join()
        peaks.read()
