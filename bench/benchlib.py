"""Helpers shared by the benchmark scripts (Python 3 standard library only).

What lives here: measuring a child process (wall time, peak RSS), sizes on
disk, percentiles, known-item metrics, the machine description, and
AkhbarPipe, a client that times one query at a time against a single warm
`akhbar-search --batch -` process.

Nothing here is thread-safe; the harness runs one measurement at a time.
"""
import json
import os
import select
import subprocess
import time


# ---------------------------------------------------------------- processes

class Measured:
    """Result of run_measured(): what a benchmark table needs of one process."""

    def __init__(self, returncode, wall_s, max_rss_kb, stdout, stderr):
        self.returncode = returncode
        self.wall_s = wall_s
        self.max_rss_kb = max_rss_kb  # largest RSS of the process or any descendant it waited for
        self.stdout = stdout
        self.stderr = stderr

    def ok(self):
        return self.returncode == 0


def run_measured(argv, stdout_path=None, stderr_path=None, env=None, cwd=None, timeout=None):
    """Runs argv to completion; wall time from fork to reap, peak RSS from wait4().

    stdout/stderr go to the given files (or are captured as text when None).
    On timeout the process group is killed and returncode is -9.
    """
    out = open(stdout_path, "wb") if stdout_path else subprocess.PIPE
    err = open(stderr_path, "wb") if stderr_path else subprocess.PIPE
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                            env=env, cwd=cwd, start_new_session=True)
    captured_out, captured_err = b"", b""
    deadline = None if timeout is None else t0 + timeout
    # Drain captured pipes while waiting so the child never blocks on a full pipe.
    streams = [s for s in (proc.stdout, proc.stderr) if s is not None]
    chunks = {id(s): [] for s in streams}
    while streams:
        wait = None if deadline is None else max(0.0, deadline - time.perf_counter())
        ready, _, _ = select.select(streams, [], [], wait)
        if not ready:
            break
        for s in ready:
            data = os.read(s.fileno(), 1 << 16)
            if data:
                chunks[id(s)].append(data)
            else:
                streams.remove(s)
    timed_out = False
    while True:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if deadline is not None and time.perf_counter() > deadline:
            os.killpg(proc.pid, 9)
            timed_out = True
            pid, status, rusage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.005)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from reaping again
    if proc.stdout:
        captured_out = b"".join(chunks[id(proc.stdout)])
    if proc.stderr:
        captured_err = b"".join(chunks[id(proc.stderr)])
    for f in (out, err):
        if f is not subprocess.PIPE:
            f.close()
    code = -9 if timed_out else proc.returncode
    return Measured(code, wall, rusage.ru_maxrss,
                    captured_out.decode("utf-8", "replace"), captured_err.decode("utf-8", "replace"))


def tail(path_or_text, lines=5):
    """Last lines of a log file (or of a string), for error messages."""
    text = path_or_text
    if os.path.exists(str(path_or_text)):
        with open(path_or_text, encoding="utf-8", errors="replace") as f:
            text = f.read()
    return "\n".join(text.strip().splitlines()[-lines:])


# ---------------------------------------------------------------- sizes

def disk_bytes(path):
    """Apparent size in bytes of a file, or of every file under a directory."""
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            p = os.path.join(root, name)
            if not os.path.islink(p):
                total += os.path.getsize(p)
    return total


# ---------------------------------------------------------------- statistics

def percentile(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list; None if empty."""
    if not values:
        return None
    s = sorted(values)
    rank = max(1, -(-len(s) * p // 100))  # ceil(n * p / 100)
    return s[int(rank) - 1]


def median(values):
    vals = [v for v in values if v is not None]
    if not vals:
        return None
    s = sorted(vals)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def latency_summary(ms_list):
    """p50/p95/p99/mean in milliseconds of a list of per-query times."""
    if not ms_list:
        return {"n": 0, "p50": None, "p95": None, "p99": None, "mean": None}
    return {"n": len(ms_list), "p50": percentile(ms_list, 50), "p95": percentile(ms_list, 95),
            "p99": percentile(ms_list, 99), "mean": sum(ms_list) / len(ms_list)}


def known_item_metrics(ranks, k=10):
    """MRR@k, Success@1 and Success@k of 1-based ranks (None = not in the top k)."""
    n = len(ranks)
    if n == 0:
        return {"n": 0, "mrr@10": None, "success@1": None, "success@10": None}
    found = [r for r in ranks if r is not None and r <= k]
    return {"n": n,
            "mrr@10": sum(1.0 / r for r in found) / n,
            "success@1": sum(1 for r in found if r == 1) / n,
            "success@10": len(found) / n}


def rank_of(wanted_id, ids):
    """1-based position of wanted_id in ids, or None."""
    for i, x in enumerate(ids, 1):
        if x == wanted_id:
            return i
    return None


# ---------------------------------------------------------------- machine

def machine_info():
    """nproc, CPU model name and RAM of this machine, for the results record."""
    info = {"nproc": os.cpu_count(), "cpu_model": None, "ram_gib": None, "kernel": os.uname().release}
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu_model"] = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    info["ram_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
                    break
    except OSError:
        pass
    try:
        info["nproc"] = int(subprocess.check_output(["nproc"], text=True).strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        pass
    return info


# ---------------------------------------------------------------- Akhbar client

class AkhbarPipe:
    """One warm `akhbar-search --batch -` process, fed one query at a time.

    search(query) writes the query line and waits for its JSON line; the time
    from write to the complete response line is the query's latency (it
    includes a pipe round trip and JSON printing, which the peers' in-process
    timings do not). A query the searcher rejects is reported on its stderr
    as "-:LINE: ..." and prints no JSON line; search() then returns the error.
    Use as a context manager; not thread-safe.
    """

    def __init__(self, search_bin, db, extra_args=(), timeout_s=120.0):
        self.timeout_s = timeout_s
        self.argv = [search_bin, "--db", db, "--batch", "-", *extra_args]
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, bufsize=0)
        self.out_buf = b""
        self.err_buf = b""
        self.line_no = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()
                self.proc.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()

    def search(self, query):
        """Returns (ms, parsed JSON or None, error text or None)."""
        self.line_no += 1
        marker = f"-:{self.line_no}:".encode()
        t0 = time.perf_counter()
        self.proc.stdin.write(query.encode("utf-8") + b"\n")
        out_fd, err_fd = self.proc.stdout.fileno(), self.proc.stderr.fileno()
        deadline = t0 + self.timeout_s
        while True:
            nl = self.out_buf.find(b"\n")
            if nl >= 0:
                ms = (time.perf_counter() - t0) * 1000.0
                line, self.out_buf = self.out_buf[:nl], self.out_buf[nl + 1:]
                return ms, json.loads(line), None
            if marker in self.err_buf:
                ms = (time.perf_counter() - t0) * 1000.0
                err = self.err_buf.decode("utf-8", "replace").strip()
                self.err_buf = b""
                return ms, None, err
            left = deadline - time.perf_counter()
            if left <= 0:
                raise RuntimeError(f"akhbar-search gave no answer in {self.timeout_s:.0f} s to: {query}")
            ready, _, _ = select.select([out_fd, err_fd], [], [], left)
            for fd in ready:
                data = os.read(fd, 1 << 20)
                if not data:
                    if fd == out_fd:
                        raise RuntimeError("akhbar-search exited: "
                                           + self.err_buf.decode("utf-8", "replace").strip()[-500:])
                    continue
                if fd == out_fd:
                    self.out_buf += data
                else:
                    self.err_buf += data


def akhbar_run_queries(search_bin, db, queries, extra_args=(), warmup=1):
    """Times each query in one warm process after `warmup` untimed passes.

    Returns a list of (ms, ids, total, error, took_ms, match_ms) in query
    order: `ms` is the round trip through the pipe, `took_ms` the searcher's
    own in-process time (parse to results, without printing), `match_ms` the
    part of it before any stored field is read (the span the peers' recipes
    time: they read their ids after the clock stops); None from a searcher
    that does not report them.
    """
    with AkhbarPipe(search_bin, db, extra_args) as pipe:
        for _ in range(warmup):
            for q in queries:
                pipe.search(q)
        results = []
        for q in queries:
            ms, obj, err = pipe.search(q)
            if err is None and obj and "error" in obj:  # a query akhbar-search refuses
                err = obj["error"]
            ids = [h.get("id") for h in obj.get("results", [])] if obj else []
            total = obj.get("total") if obj else None
            took = obj.get("took_ms") if obj else None
            match = obj.get("match_ms") if obj else None
            results.append((ms, ids, total, err, took, match))
        return results
