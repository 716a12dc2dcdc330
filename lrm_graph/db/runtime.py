"""The local embedded Neo4j: build the JVM launcher, start, stop and report on it.

The launcher (`launcher/`, a pom.xml and one Java class) is built with Maven on first
use. Each data directory holds its store, `neo4j.pid`, `neo4j.port`, `neo4j.log` and a
generated password (mode 0600) that only this user can read.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j import exceptions as neo4j_errors

from lrm_graph.config import Settings
from lrm_graph.errors import RuntimeProblem

MAIN_CLASS = "org.lrmgraph.launcher.EmbeddedNeo4j"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"  # neo4j-admin, in neo4j-dbms
READY_MARK = b"LRM-NEO4J-READY"
MAIN_FAILED = b'Exception in thread "main"'
# Launchers this process started, by pid: kept so they are reaped on stop, never left
# as zombies or collected (with a ResourceWarning) while still running.
_children: dict[int, subprocess.Popen[bytes]] = {}
# The options Neo4j 5.26's own start scripts pass to the JVM (operations manual,
# "JVM settings"): the kernel reaches into java.nio and friends.
JVM_OPTIONS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.tls.ephemeralDHKeySize=2048",
)


@dataclass(frozen=True)
class Status:
    running: bool
    pid: int | None
    port: int | None
    data_dir: Path
    log: Path

    def describe(self) -> str:
        if not self.running:
            return f"embedded Neo4j is not running (data dir {self.data_dir})"
        return (
            f"embedded Neo4j is running: pid {self.pid}, bolt://127.0.0.1:{self.port}, "
            f"data dir {self.data_dir}"
        )


def store_home(data_dir: Path) -> Path:
    """Return the NEO4J_HOME of a data dir's embedded Neo4j (databases under `data/`)."""
    return data_dir / "store"


def _files(data_dir: Path) -> tuple[Path, Path, Path, Path]:
    return (
        data_dir / "neo4j.pid",
        data_dir / "neo4j.port",
        data_dir / "neo4j.log",
        data_dir / "neo4j.password",
    )


def password_for(data_dir: Path) -> str:
    """Return the data dir's Neo4j password, creating it (mode 0600) the first time."""
    path = _files(data_dir)[3]
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(24))
    return path.read_text().strip()


def embedded_credentials(settings: Settings) -> tuple[str, tuple[str, str]]:
    """Return the Bolt URI and auth of the embedded Neo4j for these settings."""
    port_file = _files(settings.data_dir)[1]
    port = int(port_file.read_text()) if port_file.exists() else settings.bolt_port
    return f"bolt://127.0.0.1:{port}", ("neo4j", password_for(settings.data_dir))


def launcher_classpath(launcher_dir: Path) -> str:
    return os.pathsep.join(
        [str(launcher_dir / "target" / "classes"), str(launcher_dir / "target" / "lib" / "*")]
    )


def is_built(launcher_dir: Path) -> bool:
    """Say whether the launcher is built from its current pom.xml and Java source."""
    marker = launcher_dir / "target" / "lib" / ".complete"
    if not marker.exists():
        return False
    sources = [launcher_dir / "pom.xml", *(launcher_dir / "src").rglob("*.java")]
    return marker.stat().st_mtime >= max(p.stat().st_mtime for p in sources)


def build(launcher_dir: Path) -> None:
    """Build the launcher with Maven unless it is built already."""
    if is_built(launcher_dir):
        return
    require_tool("java", "a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)")
    require_tool("mvn", "Maven (Debian: apt-get install maven)")
    done = subprocess.run(
        ["mvn", "-q", "-B", "package", "-DskipTests"],
        cwd=launcher_dir,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise RuntimeProblem(f"building the Neo4j launcher with Maven failed:\n{tail}")
    (launcher_dir / "target" / "lib" / ".complete").touch()


def admin(settings: Settings, home: Path, *args: str, timeout: float = 3600) -> str:
    """Run Neo4j's own `neo4j-admin` (AdminTool, on the launcher's classpath) with `home`
    as NEO4J_HOME (its `data/` holds the databases); return its output.

    RuntimeProblem, with the tail of its output, when it fails.
    """
    build(settings.launcher_dir)
    home.mkdir(parents=True, exist_ok=True)
    command = [
        "java",
        *JVM_OPTIONS,
        "-cp",
        launcher_classpath(settings.launcher_dir),
        ADMIN_CLASS,
        *args,
    ]
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    (home / "conf").mkdir(exist_ok=True)
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, check=False, timeout=timeout
    )
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0:
        tail = "\n".join(output.splitlines()[-15:])
        raise RuntimeProblem(f"neo4j-admin {' '.join(args[:2])} failed:\n{tail}")
    return output


def require_tool(name: str, how: str) -> None:
    if shutil.which(name) is None:
        raise RuntimeProblem(f"`{name}` is not on PATH: the embedded Neo4j needs {how}")


def status(data_dir: Path) -> Status:
    """Say whether the embedded Neo4j of `data_dir` runs, and where."""
    pid_file, port_file, log, _ = _files(data_dir)
    pid = _read_int(pid_file)
    port = _read_int(port_file)
    running = pid is not None and process_alive(pid)
    return Status(running, pid if running else None, port if running else None, data_dir, log)


def start(settings: Settings, port: int | None = None, data_dir: Path | None = None) -> Status:
    """Start the embedded Neo4j (building it first if needed); wait until Bolt answers."""
    data_dir = (data_dir or settings.data_dir).resolve()
    current = status(data_dir)
    if current.running:
        return current
    port = port or settings.bolt_port
    if _port_taken(port):
        raise RuntimeProblem(f"port {port} on 127.0.0.1 is in use; choose another with --port")
    build(settings.launcher_dir)
    pid_file, port_file, log, _ = _files(data_dir)
    password = password_for(data_dir)
    env = {**os.environ, "LRM_NEO4J_PASSWORD": password}
    command = [
        "java",
        f"-Xmx{settings.neo4j_heap}",
        *JVM_OPTIONS,
        "-cp",
        launcher_classpath(settings.launcher_dir),
        MAIN_CLASS,
        "--data-dir",
        str(store_home(data_dir)),
        "--port",
        str(port),
        "--page-cache",
        settings.neo4j_page_cache,
    ]
    offset = log.stat().st_size if log.exists() else 0
    with log.open("ab") as out:
        process = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    _children[process.pid] = process
    pid_file.write_text(str(process.pid))
    port_file.write_text(str(port))
    _wait_for_bolt(process, port, password, log, offset, settings.startup_timeout)
    return status(data_dir)


def stop(data_dir: Path, timeout: float = 90.0) -> bool:
    """Stop the embedded Neo4j cleanly (SIGTERM); return False if it was not running."""
    current = status(data_dir)
    pid_file, port_file, _, _ = _files(data_dir)
    if not current.running or current.pid is None:
        pid_file.unlink(missing_ok=True)
        return False
    os.kill(current.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while process_alive(current.pid):
        if time.monotonic() > deadline:
            os.kill(current.pid, signal.SIGKILL)
            break
        time.sleep(0.2)
    child = _children.pop(current.pid, None)
    if child is not None:
        child.wait()
    pid_file.unlink(missing_ok=True)
    port_file.unlink(missing_ok=True)
    return True


def _wait_for_bolt(
    process: subprocess.Popen[bytes],
    port: int,
    password: str,
    log: Path,
    offset: int,
    timeout: float,
) -> None:
    # The launcher prints READY once the password is set; asking Bolt before that
    # fails authentication and trips Neo4j's rate limit on failed sign-ins.
    deadline = time.monotonic() + timeout
    uri = f"bolt://127.0.0.1:{port}"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeProblem(
                f"the embedded Neo4j exited with code {process.returncode}; "
                f"last lines of {log}:\n{_tail(log)}"
            )
        written = log.read_bytes()[offset:]
        if MAIN_FAILED in written:
            # Neo4j's own threads keep the JVM alive after main() fails: stop waiting.
            _end(process)
            raise RuntimeProblem(
                f"the embedded Neo4j failed to start; last lines of {log}:\n{_tail(log)}"
            )
        if READY_MARK not in written:
            time.sleep(0.3)
            continue
        try:
            with GraphDatabase.driver(uri, auth=("neo4j", password)) as driver:
                driver.verify_connectivity()
            return
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.AuthError, OSError):
            time.sleep(0.5)
    process.terminate()
    raise RuntimeProblem(f"Bolt on {uri} did not answer within {timeout:.0f}s; see {log}")


def _end(process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    """Stop a launcher that will never get ready, and reap it."""
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    _children.pop(process.pid, None)


def _tail(log: Path, lines: int = 15) -> str:
    if not log.exists():
        return "(no log)"
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def _read_int(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


def process_alive(pid: int) -> bool:
    """Say whether the process `pid` runs (a zombie counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (exited, not yet reaped by us) counts as gone.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return True
    return state != "Z"


def _port_taken(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
