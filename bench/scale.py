#!/usr/bin/env python3
"""Akhbar at scale: index a (synthetic) JSON Lines archive, compact, time facet queries.

usage: scale.py --jsonl FILE --queries latency.tsv --work DIR [--bin-dir build] [--out JSON]
                [--index-args '--threads 2'] [--warmup 1] [--runs 3]

Records indexing wall time, articles/s, peak RSS, index size before and after
xapian-compact, and query latency p50/p95/p99 with all facets on (exact
counts, snippets on) and with --no-facets --no-snippets, medians of --runs
alternating runs. Called by scale.sh;
not part of CI.
"""
import argparse
import datetime
import json
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402
import run  # noqa: E402


def median_latency(runs):
    """The median over runs of each figure of a latency record (overall and by kind)."""
    def med(get):
        return benchlib.median([get(r) for r in runs])
    out = {k: med(lambda r, k=k: r[k]) for k in ("p50", "p95", "p99", "mean")}
    out["runs"] = len(runs)
    out["by_kind"] = {kind: {k: med(lambda r, kind=kind, k=k: r["by_kind"][kind][k]) for k in ("p50", "p95", "p99")}
                      for kind in runs[0]["by_kind"]}
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jsonl", required=True)
    ap.add_argument("--queries", required=True, help="latency.tsv from prepare_corpus.py")
    ap.add_argument("--work", required=True)
    ap.add_argument("--bin-dir", default=os.path.join(run.REPO, "build"))
    ap.add_argument("--out", default=None)
    ap.add_argument("--index-args", default="")
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3, help="latency repetitions; medians are reported (default 3)")
    ap.add_argument("--reuse-index", action="store_true", help="keep an existing compacted index")
    ap.add_argument("--real", action="store_true", help="the archive is a real corpus, not synthetic")
    a = ap.parse_args()
    bins = run.akhbar_binaries(a.bin_dir)
    db = os.path.join(a.work, "db")
    rec = {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
           "machine": benchlib.machine_info(), "command": " ".join(sys.argv), "git": run.git_state(),
           "synthetic": not a.real, "input": os.path.abspath(a.jsonl)}
    if not (a.reuse_index and os.path.isdir(db + ".compact")):
        shutil.rmtree(db, ignore_errors=True)
        shutil.rmtree(db + ".compact", ignore_errors=True)
        argv = [bins[0], "--db", db, "--no-progress", "--format", "jsonl", *a.index_args.split(), a.jsonl]
        run.log("indexing " + " ".join(argv))
        m = benchlib.run_measured(argv, stdout_path=db + ".index.out", stderr_path=db + ".index.log")
        summary = benchlib.tail(db + ".index.log", 3)
        got = re.search(r"indexed (\d+)", summary)
        n = int(got.group(1)) if got else None
        rec["index"] = {"argv": argv, "exit": m.returncode, "wall_s": m.wall_s, "peak_rss_mb": m.max_rss_kb / 1024,
                        "docs_indexed": n, "articles_per_s": n / m.wall_s if n else None, "summary": summary,
                        "index_bytes_uncompacted": benchlib.disk_bytes(db)}
        run.log("compacting")
        c = benchlib.run_measured(["xapian-compact", db, db + ".compact"])
        rec["index"].update({"compact_s": c.wall_s, "index_bytes": benchlib.disk_bytes(db + ".compact")})
        shutil.rmtree(db, ignore_errors=True)
    else:
        rec["index"] = {"reused": db + ".compact", "index_bytes": benchlib.disk_bytes(db + ".compact")}
    lat = []
    with open(a.queries, encoding="utf-8") as f:
        for line in f:
            kind, q, flt = line.rstrip("\n").split("\t")
            lat.append((kind, q, json.loads(flt)))
    # Runs alternate the two modes, so that a slow spell of a shared
    # machine does not fall on one of them only.
    for key in ("latency_facets", "latency_plain"):
        rec[key + "_runs"] = []
    for run_no in range(1, a.runs + 1):
        run.log(f"run {run_no}/{a.runs}: {len(lat)} queries, facets on")
        rec["latency_facets_runs"].append(run.akhbar_latency(bins[1], db + ".compact", lat, [], a.warmup))
        run.log(f"run {run_no}/{a.runs}: facets off")
        rec["latency_plain_runs"].append(run.akhbar_latency(bins[1], db + ".compact", lat,
                                                            ["--no-facets", "--no-snippets"], a.warmup))
    for key in ("latency_facets", "latency_plain"):
        rec[key] = median_latency(rec[key + "_runs"])
    out = a.out or os.path.join(run.BENCH, "results", f"{datetime.date.today():%Y-%m-%d}-scale-synthetic.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(rec, f, ensure_ascii=False, indent=1)
    i, lf, lp = rec["index"], rec["latency_facets"], rec["latency_plain"]
    print("real archive:" if a.real else "SYNTHETIC archive:", rec["input"])
    print(f"index: {i.get('docs_indexed')} articles, {i.get('wall_s') or 0:.0f} s, "
          f"{i.get('articles_per_s') or 0:.0f} art/s, peak RSS {i.get('peak_rss_mb') or 0:.0f} MB, "
          f"{i['index_bytes'] / 1e9:.2f} GB compacted")
    for name, l in (("facets+snippets", lf), ("no facets/snippets", lp)):
        print(f"{name}: p50 {l['p50']:.2f} ms  p95 {l['p95']:.2f} ms  p99 {l['p99']:.2f} ms  "
              + "  ".join(f"{k} p50 {v['p50']:.2f}/p99 {v['p99']:.2f}" for k, v in l["by_kind"].items()))
    print("wrote", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
