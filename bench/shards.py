#!/usr/bin/env python3
"""Remote shards against one local database: the latency that Xapian's remote backend costs.

usage: shards.py --whole DB --shard DIR [--shard DIR ...] --queries latency.tsv
                 [--bin-dir build] [--runs 3] [--warmup 1] [--out JSON] [--costs]

Serves each --shard with its own xapian-tcpsrv on a free loopback port,
names them in a stub file, and times the same latency set (prepare_corpus.py's
latency.tsv) through akhbar-search --batch over the stub and over --whole (one
local database of the same articles): with all facets and snippets, and
with --no-facets --no-snippets. The modes and the two databases alternate
within each run, so that a slow spell of a shared machine falls on all of
them; the figures are medians over --runs, and the ratios remote / local are
taken within each run, then their median. On a 2-core machine the servers
and the searcher share the two cores, which a deployment over N machines
does not. With --costs, also runs akhbar-remote-costs (built with
AKHBAR_BENCH=1) over the same servers first: the steps of a search timed
apart (bench/remote_costs.cc). Not part of CI.
"""
import argparse
import datetime
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402
import run  # noqa: E402

MODES = {"facets": [], "plain": ["--no-facets", "--no-snippets"]}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(shards):
    """Starts one xapian-tcpsrv per shard; returns (processes, stub path)."""
    procs, lines = [], []
    for shard in shards:
        port = free_port()
        procs.append(subprocess.Popen(["xapian-tcpsrv", "--quiet", "--port", str(port), "--interface", "127.0.0.1",
                                       os.path.abspath(shard)], stderr=subprocess.DEVNULL, start_new_session=True))
        lines.append(f"remote 127.0.0.1:{port}")
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.025)
    stub = tempfile.NamedTemporaryFile("w", suffix=".stub", delete=False)
    stub.write("\n".join(lines) + "\n")
    stub.close()
    return procs, stub.name


def step_costs(bin_dir, stub):
    """akhbar-remote-costs over the servers named in `stub`: its JSON."""
    with open(stub, encoding="utf-8") as f:
        shards = [line.split()[1] for line in f if line.startswith("remote ")]
    argv = [os.path.join(bin_dir, "akhbar-remote-costs")]
    for shard in shards:
        argv += ["--shard", shard]
    return json.loads(subprocess.run(argv, check=True, capture_output=True, text=True).stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--whole", required=True, help="one local database of the same articles")
    ap.add_argument("--shard", action="append", required=True, help="a shard's database (repeat)")
    ap.add_argument("--queries", required=True, help="latency.tsv from prepare_corpus.py")
    ap.add_argument("--bin-dir", default=os.path.join(run.REPO, "build"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--out", default=None)
    ap.add_argument("--costs", action="store_true", help="also time each step apart (akhbar-remote-costs)")
    a = ap.parse_args()
    search = run.akhbar_binaries(a.bin_dir)[1]
    lat = []
    with open(a.queries, encoding="utf-8") as f:
        for line in f:
            kind, q, flt = line.rstrip("\n").split("\t")
            lat.append((kind, q, json.loads(flt)))
    procs, stub = serve(a.shard)
    rec = {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
           "machine": benchlib.machine_info(), "command": " ".join(sys.argv), "git": run.git_state(),
           "shards": len(a.shard), "queries": len(lat), "runs": []}
    try:
        if a.costs:
            rec["costs"] = step_costs(a.bin_dir, stub)
            print("costs:", json.dumps(rec["costs"]["median_ms"]))
        for run_no in range(1, a.runs + 1):
            one = {}
            for mode, args in MODES.items():
                for where, db in (("local", a.whole), ("remote", stub)):
                    run.log(f"run {run_no}/{a.runs}: {mode}, {where}")
                    one[f"{mode}_{where}"] = run.akhbar_latency(search, db, lat, args, a.warmup)
            rec["runs"].append(one)
    finally:
        for p in procs:
            p.terminate()
            p.wait()
        os.unlink(stub)
    summary = {}
    for mode in MODES:
        for where in ("local", "remote"):
            key = f"{mode}_{where}"
            summary[key] = {p: benchlib.median([r[key][p] for r in rec["runs"]]) for p in ("p50", "p95", "p99")}
            summary[key]["errors"] = max(r[key]["errors"] for r in rec["runs"])
        summary[f"{mode}_ratio"] = {p: benchlib.median([r[f"{mode}_remote"][p] / r[f"{mode}_local"][p]
                                                        for r in rec["runs"]]) for p in ("p50", "p99")}
    rec["summary"] = summary
    out = a.out or os.path.join(run.BENCH, "results", f"{datetime.date.today():%Y-%m-%d}-shards.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(rec, f, ensure_ascii=False, indent=1)
    for mode in MODES:
        loc, rem, ratio = summary[f"{mode}_local"], summary[f"{mode}_remote"], summary[f"{mode}_ratio"]
        print(f"{mode}: local p50 {loc['p50']:.2f} p99 {loc['p99']:.2f} ms; {len(a.shard)} remote shards "
              f"p50 {rem['p50']:.2f} p99 {rem['p99']:.2f} ms; ratio p50 {ratio['p50']:.2f} p99 {ratio['p99']:.2f}"
              f" (errors {loc['errors']}/{rem['errors']})")
    print("wrote", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
