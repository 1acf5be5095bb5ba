"""A Ray cluster of two nodes on this machine that talks over loopback only, for the Ray
backend's test (tests/test_ray.py) and benchmark (bench_ray.py).

Ray advertises and dials the machine's network address unless told otherwise, and ``ray stop``
stops every Ray process it can see. So the cluster lives in namespaces of its own: a network
namespace with only ``lo`` (both nodes at 127.0.0.1) and a PID namespace (``ray stop`` sees only
this cluster's processes, and when the namespace's first process ends the kernel ends every
process left in it: the cluster cannot outlive the script). Making them needs root and
``unshare`` (util-linux): :func:`namespace_problem` says why they cannot be made, if so.

    if (why := namespace_problem()) is None:
        subprocess.run(in_namespaces([sys.executable, "script.py"]))   # then, in script.py:
    with TwoNodes(env={...}) as cluster:   # ray start --head ...; ray start --address ...
        ... cluster.address ...            # 127.0.0.1:6379; on leaving: ray stop
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence

#: The head's GCS port (the namespace is the cluster's own: no other user of the port).
PORT = 6379
#: What the nodes are told to skip: the dashboard (not installed with Ray's core), usage stats.
QUIET = ("--disable-usage-stats",)
#: The longest `ray start` and `ray stop` may take each (seconds).
COMMAND_SECONDS = 120
#: Actor processes are titled so by Ray (`ray::<class>` idle, `ray::<class>.<method>` busy).
ACTOR_TITLE = "ray::_Player"


def namespace_problem() -> str | None:
    """Why the namespaces cannot be made here (``None``: they can)."""
    if os.name != "posix" or not sys.platform.startswith("linux"):
        return "network and PID namespaces need Linux"
    if os.geteuid() != 0:
        return "making network and PID namespaces (unshare -n -p) needs root"
    if shutil.which("unshare") is None:
        return "no unshare (util-linux) on PATH"
    if shutil.which("ip") is None:
        return "no ip (iproute2) on PATH, to bring up lo in the namespace"
    probe = subprocess.run(
        [*_unshare(), "ip", "link", "set", "lo", "up"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    if probe.returncode != 0:
        return f"unshare -n -p -f --mount-proc failed here: {probe.stderr.strip()[:300]}"
    return None


def _unshare() -> list[str]:
    return ["unshare", "--net", "--pid", "--fork", "--kill-child", "--mount-proc", "--"]


def in_namespaces(command: Sequence[str]) -> list[str]:
    """``command`` run in new network and PID namespaces, with ``lo`` up."""
    script = 'ip link set lo up && exec "$@"'
    return [*_unshare(), "sh", "-c", script, "sh", *command]


def _ray() -> str:
    """The ``ray`` command beside this Python (the venv's)."""
    beside = os.path.join(os.path.dirname(sys.executable), "ray")
    return beside if os.path.exists(beside) else "ray"


class TwoNodes:
    """``ray start --head`` and a second ``ray start --address``, both at 127.0.0.1, with
    ``head_cpus`` and ``worker_cpus`` CPUs; ``ray stop`` on leaving, whatever happened.

    ``env`` is added to the nodes' environment, which their actors inherit; Ray's token
    authentication is disabled (``RAY_AUTH_MODE=disabled``): only this namespace can reach the
    cluster. Meant to run inside :func:`in_namespaces`."""

    def __init__(
        self, head_cpus: int = 1, worker_cpus: int = 1, env: Mapping[str, str] | None = None
    ) -> None:
        self.head_cpus = head_cpus
        self.worker_cpus = worker_cpus
        self.env = {**os.environ, **(env or {}), "RAY_AUTH_MODE": "disabled"}
        self.address = f"127.0.0.1:{PORT}"
        # Short: Ray's Unix sockets live under it (at most 107 bytes a path).
        self.temp_dir = tempfile.mkdtemp(prefix="ray-", dir="/tmp")
        #: Seconds `ray start` took for the head and the worker node.
        self.start_seconds: list[float] = []

    def _run(self, *args: str) -> None:
        start = time.perf_counter()
        done = subprocess.run(
            [_ray(), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=COMMAND_SECONDS,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"ray {' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}"
            )
        self.start_seconds.append(time.perf_counter() - start)

    def __enter__(self) -> TwoNodes:
        try:
            self._run(
                "start",
                "--head",
                "--node-ip-address=127.0.0.1",
                f"--port={PORT}",
                f"--num-cpus={self.head_cpus}",
                "--include-dashboard=false",
                f"--temp-dir={self.temp_dir}",
                *QUIET,
            )
            self._run(
                "start",
                f"--address={self.address}",
                "--node-ip-address=127.0.0.1",
                f"--num-cpus={self.worker_cpus}",
                *QUIET,
            )
        except BaseException:
            self.stop()
            raise
        os.environ["RAY_AUTH_MODE"] = "disabled"  # for a driver in this process
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        """``ray stop`` (in this PID namespace: this cluster's processes only)."""
        subprocess.run(
            [_ray(), "stop", "--force"],
            env=self.env,
            capture_output=True,
            timeout=COMMAND_SECONDS,
            check=False,
        )
        shutil.rmtree(self.temp_dir, ignore_errors=True)


def actor_nodes() -> dict[int, str]:
    """The episode actors' processes now, each with its node's id: read from ``/proc`` (an
    actor's parent is its node's raylet, started with ``--node_id=``). In the cluster's PID
    namespace, only its processes are seen."""
    found: dict[int, str] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/cmdline", "rb") as file:
                title = file.read().split(b"\0")[0].decode(errors="replace")
            if not title.startswith(ACTOR_TITLE):
                continue
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as file:
                parent = int(file.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{parent}/cmdline", "rb") as file:
                words = file.read().decode(errors="replace").split("\0")
        except (OSError, ValueError, IndexError):
            continue  # gone meanwhile
        node = next((w.split("=", 1)[1] for w in words if w.startswith("--node_id=")), "?")
        found[int(name)] = node
    return found
