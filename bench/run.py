#!/usr/bin/env python3
"""Akhbar against its peers on one corpus, in one run: speed and relevance.

usage: bench/run.py [--corpus PATH] [--limit N] [--peers all|none|a,b,...] [--runs 3]
                    [--out bench/results/DATE-NAME.json] [--work DIR] [--no-install]

For Akhbar and every peer, on identical body text: indexing throughput
(whole process), peak RSS of indexing, index size on disk (Akhbar after
xapian-compact), query latency p50/p95/p99 on a mixed query set (Akhbar with
facets and snippets on, and off), and known-item relevance with OR semantics
(MRR@10, Success@1, Success@10 over 2,000 titles-as-queries). Medians over
--runs; ratios Akhbar/peer are computed within each run, then the median is
taken. Prints a table and writes everything, raw numbers included, as JSON.
See bench/README.md.
"""
import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402
import peers as peerlib  # noqa: E402
import prepare_corpus  # noqa: E402

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared"))
K = 10


def log(msg):
    print(f"[{datetime.datetime.now():%H:%M:%S}] {msg}", file=sys.stderr, flush=True)


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(SHARED, "corpora", "ant"),
                    help="ANT folder of TREC .gz files, or a JSON Lines corpus with titles (default: ../shared/corpora/ant)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (smoke run: 20000)")
    ap.add_argument("--peers", default="all", help=f"comma list of {','.join(peerlib.ALL)}, or all, or none")
    ap.add_argument("--runs", type=int, default=3, help="repetitions; medians are reported (default 3)")
    ap.add_argument("--out", default=None, help="results JSON (default bench/results/DATE-NAME.json)")
    ap.add_argument("--name", default=None, help="NAME in the default --out (default: corpus name and limit)")
    ap.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "akhbar-bench"),
                    help="scratch folder for docs, indexes and peer builds (default $TMPDIR/akhbar-bench)")
    ap.add_argument("--bin-dir", default=os.path.join(REPO, "build"), help="where akhbar-index/akhbar-search are")
    ap.add_argument("--akhbar-input", choices=["jsonl", "text"], default="jsonl",
                    help="jsonl: the bodies with date/source/category (default); text: the docs/*.txt folder")
    ap.add_argument("--akhbar-index-args", default="", help="extra akhbar-index options, e.g. '--threads 2'")
    ap.add_argument("--known-items", type=int, default=2000)
    ap.add_argument("--latency-queries", type=int, default=1000)
    ap.add_argument("--warmup", type=int, default=1, help="untimed passes before timing (Lucene: at least 10)")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--no-install", action="store_true", help="use only peers already installed and built")
    ap.add_argument("--keep-indexes", action="store_true", help="keep the last run's indexes in --work")
    ap.add_argument("--timeout", type=int, default=3600, help="seconds allowed to one index or search step")
    return ap.parse_args(argv)


# ---------------------------------------------------------------- setup

def prepared_corpus(args):
    """Builds (or reuses) the docs folder and query sets; returns (dir, manifest)."""
    key = re.sub(r"[^A-Za-z0-9_.-]", "_", os.path.abspath(args.corpus).strip("/"))[-60:]
    d = os.path.join(args.work, f"corpus-{key}-{args.limit or 'all'}-ki{args.known_items}"
                                f"-lq{args.latency_queries}-s{args.seed}")
    mpath = os.path.join(d, "manifest.json")
    if os.path.exists(mpath):
        with open(mpath, encoding="utf-8") as f:
            m = json.load(f)
        if m.get("docs_written") and len(os.listdir(os.path.join(d, "docs"))) == m["articles"]:
            log(f"reusing prepared corpus {d}")
            return d, m
    shutil.rmtree(d, ignore_errors=True)
    log(f"preparing corpus from {args.corpus} into {d}")
    m = prepare_corpus.prepare(args.corpus, d, args.limit, args.known_items, args.latency_queries, args.seed)
    return d, m


def akhbar_binaries(bin_dir):
    """akhbar-index, akhbar-search and akhbar-xapian-floor, built if missing."""
    names = ["akhbar-index", "akhbar-search", "akhbar-xapian-floor"]
    bins = tuple(os.path.join(bin_dir, n) for n in names)
    if not all(os.access(b, os.X_OK) for b in bins):
        log(f"building Akhbar into {bin_dir}")
        subprocess.run(["cmake", "-S", REPO, "-B", bin_dir, "-DCMAKE_BUILD_TYPE=RelWithDebInfo", "-DAKHBAR_BENCH=ON"],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["cmake", "--build", bin_dir, "-j", str(os.cpu_count() or 2), "--target", *names],
                       check=True)
    return bins


def read_queries(prep):
    ki = []
    with open(os.path.join(prep, "known_items.tsv"), encoding="utf-8") as f:
        for line in f:
            q, did = line.rstrip("\n").split("\t")
            ki.append((q, did))
    lat = []
    with open(os.path.join(prep, "latency.tsv"), encoding="utf-8") as f:
        for line in f:
            kind, q, flt = line.rstrip("\n").split("\t")
            lat.append((kind, q, json.loads(flt)))
    return ki, lat


def git_state():
    try:
        head = subprocess.check_output(["git", "-C", REPO, "rev-parse", "HEAD"], text=True).strip()
        dirty = bool(subprocess.check_output(["git", "-C", REPO, "status", "--porcelain"], text=True).strip())
        return {"commit": head, "dirty": dirty}
    except (OSError, subprocess.CalledProcessError):
        return {"commit": None, "dirty": None}


# ---------------------------------------------------------------- measurements

def akhbar_id(raw):
    """Akhbar's id of a text file is its path; the article id is the file name without .txt."""
    base = os.path.basename(raw or "")
    return base[:-4] if base.endswith(".txt") else base


def index_akhbar(bins, prep, manifest, idx, args, logs):
    shutil.rmtree(idx, ignore_errors=True)
    shutil.rmtree(idx + ".compact", ignore_errors=True)
    src = ["--format", "jsonl", os.path.join(prep, "akhbar.jsonl")] if args.akhbar_input == "jsonl" \
        else ["--format", "text", os.path.join(prep, "docs")]
    argv = [bins[0], "--db", idx, "--no-progress", *args.akhbar_index_args.split(), *src]
    m = benchlib.run_measured(argv, stdout_path=logs + ".index.out", stderr_path=logs + ".index.log",
                              timeout=args.timeout)
    rec = {"argv": argv, "exit": m.returncode, "wall_s": m.wall_s, "peak_rss_mb": m.max_rss_kb / 1024}
    summary = benchlib.tail(logs + ".index.log", 3)
    rec["summary"] = summary
    got = re.search(r"indexed (\d+)", summary)
    rec["docs_indexed"] = int(got.group(1)) if got else None
    if m.returncode not in (0, 1) or not os.path.isdir(idx):
        rec["error"] = f"akhbar-index exit {m.returncode}: {summary}"
        return rec
    rec["index_bytes_uncompacted"] = benchlib.disk_bytes(idx)
    c = benchlib.run_measured(["xapian-compact", idx, idx + ".compact"], timeout=args.timeout)
    if c.returncode != 0:
        rec["error"] = "xapian-compact failed: " + c.stderr.strip()[-300:]
        return rec
    rec["compact_s"] = c.wall_s
    rec["index_bytes"] = benchlib.disk_bytes(idx + ".compact")
    return rec


def index_peer(peer, prep, idx, args, logs):
    if os.path.isdir(idx):
        shutil.rmtree(idx)
    elif os.path.exists(idx):
        os.remove(idx)
    os.makedirs(os.path.dirname(idx), exist_ok=True)
    argv = peer.index_cmd(os.path.join(prep, "docs"), idx)
    m = benchlib.run_measured(argv, stdout_path=logs + ".index.out", stderr_path=logs + ".index.log",
                              timeout=args.timeout)
    rec = {"argv": argv, "exit": m.returncode, "wall_s": m.wall_s, "peak_rss_mb": m.max_rss_kb / 1024,
           "summary": benchlib.tail(logs + ".index.log", 2)}
    if m.returncode != 0 or not os.path.exists(idx):
        rec["error"] = f"index exit {m.returncode}: {rec['summary']}"
        return rec
    rec["index_bytes"] = peer.index_bytes(idx)
    return rec


def add_throughput(rec, manifest):
    if rec.get("error") or not rec.get("wall_s"):
        return
    rec["articles_per_s"] = manifest["articles"] / rec["wall_s"]
    rec["mb_per_s"] = manifest["text_bytes"] / 1e6 / rec["wall_s"]
    rec["index_to_text"] = rec["index_bytes"] / manifest["text_bytes"]


def latency_record(per_query, kinds):
    """Summary of [(ms, ids, ...)] overall and per query kind."""
    ms = [r[0] for r in per_query if r is not None]
    rec = benchlib.latency_summary(ms)
    rec["by_kind"] = {}
    for kind in sorted(set(kinds)):
        vals = [r[0] for r, k in zip(per_query, kinds) if r is not None and k == kind]
        rec["by_kind"][kind] = benchlib.latency_summary(vals)
    rec["answered"] = len(ms)
    return rec


def akhbar_latency(search_bin, db, lat, mode_args, warmup):
    """Latency set through warm batch processes: one per distinct filter (filters are options).

    The figures are the searcher's in-process times (as the peers' recipes
    report theirs); "roundtrip" adds the pipe and JSON printing; "match" is
    the span before the first stored field is read, which is what the
    peers' loops time (they read their ids after the clock stops).
    """
    groups = {}
    for i, (_, q, flt) in enumerate(lat):
        groups.setdefault(tuple(flt), []).append(i)
    per_query = [None] * len(lat)
    roundtrip = [None] * len(lat)
    matched = [None] * len(lat)
    errors = 0
    in_process = True
    for flt, idxs in groups.items():
        res = benchlib.akhbar_run_queries(search_bin, db, [lat[i][1] for i in idxs],
                                          ["--limit", str(K), *mode_args, *flt], warmup)
        for i, (ms, ids, total, err, took, match) in zip(idxs, res):
            per_query[i] = (took if took is not None else ms, ids, total)
            in_process = in_process and took is not None
            roundtrip[i] = (ms, ids, total)
            # A query akhbar-search refuses (an error line) has no match time: its answer's.
            matched[i] = (match if match is not None else (took if took is not None else ms), ids, total) \
                if match is not None or err is not None else None
            errors += err is not None
    rec = latency_record(per_query, [k for k, _, _ in lat])
    rec["clock"] = "in-process" if in_process else "roundtrip"
    rec["roundtrip"] = latency_record(roundtrip, [k for k, _, _ in lat])
    rec["roundtrip"].pop("by_kind", None)
    if all(m is not None for m in matched):
        rec["match"] = latency_record(matched, [k for k, _, _ in lat])
    rec["errors"] = errors
    rec["processes"] = len(groups)
    return rec


def xapian_floor(floor_bin, db, prep, manifest, args, logs):
    """Xapian alone on Akhbar's documents and queries (bench/xapian_floor.cc).

    write: the documents of the index just built, written again by Xapian
    with both cores as the indexer writes them, without reading or analysis.
    rank: each latency query built as Akhbar builds it, ranked top K by
    Xapian's matcher without an exact total, as the peers time theirs;
    count: the same with the exact total counted by the matcher.
    """
    rec = {}
    out = os.path.join(args.work, "idx", "floor")
    argv = [floor_bin, "write", "--db", db, "--out", out]
    m = benchlib.run_measured(argv, stdout_path=logs + ".floor-write.json", stderr_path=logs + ".floor-write.log",
                              timeout=args.timeout)
    shutil.rmtree(out, ignore_errors=True)
    if m.returncode == 0:
        with open(logs + ".floor-write.json", encoding="utf-8") as f:
            w = json.load(f)
        w["mb_per_s"] = manifest["text_bytes"] / 1e6 / w["total_s"] if w["total_s"] else None
        w["index_to_text"] = w["index_bytes"] / manifest["text_bytes"]
        w["peak_rss_mb"] = m.max_rss_kb / 1024
        rec["write"] = w
    else:
        rec["error"] = f"write exit {m.returncode}: " + benchlib.tail(logs + ".floor-write.log", 2)
    argv = [floor_bin, "query", "--db", db, "--queries", os.path.join(prep, "latency.tsv"), "--limit", str(K)]
    m = benchlib.run_measured(argv, stdout_path=logs + ".floor-query.json", stderr_path=logs + ".floor-query.log",
                              timeout=args.timeout)
    if m.returncode == 0:
        with open(logs + ".floor-query.json", encoding="utf-8") as f:
            q = json.load(f)
        rows = q["queries"]
        kinds = [r["kind"] for r in rows]
        rec["rank"] = latency_record([(r["rank_ms"],) for r in rows], kinds)
        rec["count"] = latency_record([(r["count_ms"],) for r in rows], kinds)
        rec["parse"] = latency_record([(r["build_ms"],) for r in rows], kinds)
        rec["skipped_queries"] = q["skipped"]
    else:
        rec["error"] = f"query exit {m.returncode}: " + benchlib.tail(logs + ".floor-query.log", 2)
    return rec


def floor_view(rec):
    """A run record whose index and latency figures are Xapian's alone."""
    f = rec.get("floor") or {}
    w = f.get("write") or {}
    return {"index": {"articles_per_s": w.get("articles_per_s"), "mb_per_s": w.get("mb_per_s"),
                      "wall_s": w.get("total_s"), "peak_rss_mb": w.get("peak_rss_mb"),
                      "index_bytes": w.get("index_bytes"), "index_to_text": w.get("index_to_text")},
            "latency": f.get("rank")}


def akhbar_known_items(search_bin, db, ki, warmup):
    res = benchlib.akhbar_run_queries(search_bin, db, [q for q, _ in ki],
                                      ["--any", "--limit", str(K), "--no-facets", "--no-snippets"], warmup)
    ranks = [benchlib.rank_of(did, [akhbar_id(x) for x in ids]) for (q, did), (ms, ids, *_) in zip(ki, res)]
    tops = [akhbar_id(ids[0]) if ids else None for _, ids, *_ in res]
    lat = benchlib.latency_summary([r[4] if r[4] is not None else r[0] for r in res])
    errors = sum(1 for r in res if r[3])
    return ranks, tops, lat, errors


def peer_search(peer, idx, qfile, queries, op, warmup, logs, args):
    out = f"{logs}.{os.path.basename(qfile)}.tsv"
    argv = peer.search_cmd(idx, qfile, K, op, max(warmup, peer.min_warmup))
    m = benchlib.run_measured(argv, stdout_path=out, stderr_path=out + ".log", timeout=args.timeout)
    rows = peerlib.parse_tsv(out, queries)
    return m, rows, argv


def peer_latency(peer, idx, qfile, lat, args, logs):
    m, rows, argv = peer_search(peer, idx, qfile, [q for _, q, _ in lat], "AND", args.warmup, logs, args)
    rec = latency_record(rows, [k for k, _, _ in lat])
    rec.update({"argv": argv, "exit": m.returncode, "process_wall_s": m.wall_s})
    if m.returncode != 0:
        rec["error"] = f"search exit {m.returncode}: " + benchlib.tail(f"{logs}.{os.path.basename(qfile)}.tsv.log", 2)
    return rec


def peer_known_items(peer, idx, qfile, ki, args, logs):
    m, rows, argv = peer_search(peer, idx, qfile, [q for q, _ in ki], "OR", args.warmup, logs, args)
    ranks = [benchlib.rank_of(did, r[1]) if r else None for (q, did), r in zip(ki, rows)]
    tops = [r[1][0] if r and r[1] else None for r in rows]
    lat = benchlib.latency_summary([r[0] for r in rows if r])
    err = None if m.returncode == 0 else f"exit {m.returncode}"
    return ranks, tops, lat, sum(1 for r in rows if r is None), err


# ---------------------------------------------------------------- one run

def run_akhbar(bins, prep, manifest, ki, lat, args, run_no, rel):
    idx = os.path.join(args.work, "idx", "akhbar")
    logs = os.path.join(args.work, "logs", f"run{run_no}-akhbar")
    rec = {"index": index_akhbar(bins, prep, manifest, idx, args, logs)}
    add_throughput(rec["index"], manifest)
    if rec["index"].get("error"):
        return rec
    db = idx + ".compact"
    t0 = time.perf_counter()
    rec["latency_facets"] = akhbar_latency(bins[1], db, lat, [], args.warmup)
    rec["latency_plain"] = akhbar_latency(bins[1], db, lat, ["--no-facets", "--no-snippets"], args.warmup)
    # The work the peers' timings cover: parse, search, top ids; no stored fields.
    rec["latency_ids"] = akhbar_latency(bins[1], db, lat, ["--no-facets", "--ids-only"], args.warmup)
    rec["floor"] = xapian_floor(bins[2], db, prep, manifest, args, logs)
    if run_no == 1:
        ranks, tops, ki_lat, errors = akhbar_known_items(bins[1], db, ki, args.warmup)
        rel["akhbar"] = {"ranks": ranks, "tops": tops, "latency": ki_lat, "errors": errors}
    rec["search_s"] = time.perf_counter() - t0
    if not args.keep_indexes:
        shutil.rmtree(idx, ignore_errors=True)
    return rec


def run_peer(peer, prep, manifest, ki, lat, args, run_no, rel, qfiles):
    base = os.path.join(args.work, "idx", peer.name)
    idx = peer.index_path(base)
    logs = os.path.join(args.work, "logs", f"run{run_no}-{peer.name}")
    rec = {"index": index_peer(peer, prep, idx, args, logs)}
    add_throughput(rec["index"], manifest)
    if rec["index"].get("error"):
        return rec
    t0 = time.perf_counter()
    rec["latency"] = peer_latency(peer, idx, qfiles["latency"], lat, args, logs)
    if run_no == 1:
        ranks, tops, ki_lat, unanswered, err = peer_known_items(peer, idx, qfiles["ki"], ki, args, logs)
        rel[peer.name] = {"ranks": ranks, "tops": tops, "latency": ki_lat, "unanswered": unanswered, "error": err}
    rec["search_s"] = time.perf_counter() - t0
    return rec


# ---------------------------------------------------------------- summary

METRICS = {  # name -> (path in a run record, higher is better)
    "articles_per_s": (("index", "articles_per_s"), True),
    "mb_per_s": (("index", "mb_per_s"), True),
    "index_wall_s": (("index", "wall_s"), False),
    "peak_rss_mb": (("index", "peak_rss_mb"), False),
    "index_mb": (("index", "index_bytes"), False),
    "index_to_text": (("index", "index_to_text"), False),
    "p50_ms": (("latency", "p50"), False),
    "p95_ms": (("latency", "p95"), False),
    "p99_ms": (("latency", "p99"), False),
}


def get(rec, path):
    for p in path:
        if not isinstance(rec, dict) or p not in rec:
            return None
        rec = rec[p]
    return rec


def engine_view(rec, latency_key):
    """A run record with 'latency' pointing at the chosen latency figures
    (a key of the record, or a path of keys)."""
    v = dict(rec)
    if latency_key:
        v["latency"] = get(rec, (latency_key,) if isinstance(latency_key, str) else latency_key)
    return v


def medians(runs, latency_key=None):
    out = {}
    for name, (path, _) in METRICS.items():
        vals = [get(engine_view(r, latency_key), path) for r in runs]
        m = benchlib.median(vals)
        out[name] = m / 1e6 if (m is not None and name == "index_mb") else m
    return out


def ratios(akh_runs, peer_runs, latency_key):
    """Akhbar/peer per run, then the median over runs."""
    out = {}
    for name, (path, _) in METRICS.items():
        per = []
        for a, p in zip(akh_runs, peer_runs):
            va, vp = get(engine_view(a, latency_key), path), get(p, path)
            per.append(va / vp if (va is not None and vp) else None)
        out[name] = {"per_run": per, "median": benchlib.median(per)}
    return out


def fmt(v, digits=1):
    if v is None:
        return "-"
    if isinstance(v, float):
        if abs(v) >= 1000:
            return f"{v:,.0f}"
        return f"{v:.{digits}f}"
    return str(v)


def print_table(result):
    eng = result["engines"]
    cols = ["art/s", "MB/s", "index s", "RSS MB", "index MB", "idx/text", "p50 ms", "p95 ms", "p99 ms",
            "KI p50", "MRR@10", "S@1", "S@10"]
    rows = []

    def row(label, med, rel):
        rows.append([label, fmt(med.get("articles_per_s"), 0), fmt(med.get("mb_per_s"), 2),
                     fmt(med.get("index_wall_s")), fmt(med.get("peak_rss_mb"), 0), fmt(med.get("index_mb")),
                     fmt(med.get("index_to_text"), 2), fmt(med.get("p50_ms"), 2), fmt(med.get("p95_ms"), 2),
                     fmt(med.get("p99_ms"), 2), fmt(get(rel, ("latency", "p50")), 2),
                     fmt(get(rel, ("metrics", "mrr@10")), 3), fmt(get(rel, ("metrics", "success@1")), 3),
                     fmt(get(rel, ("metrics", "success@10")), 3)])
    for name, e in eng.items():
        if e.get("skipped"):
            continue
        if name == "akhbar":
            if e.get("median_floor"):
                row("xapian alone (floor)", e["median_floor"], None)
            if e.get("median_ids"):
                row("akhbar (ids only, as peers)", e["median_ids"], None)
            if get(e, ("median_ids_match", "p50_ms")) is not None:
                row("akhbar (ids, until read)", e["median_ids_match"], None)
            row("akhbar (no facets/snippets)", e["median_plain"], e.get("relevance"))
            row("akhbar (facets+snippets)", e["median_facets"], None)
        else:
            row(name, e["median"], e.get("relevance"))
    widths = [max(len(str(r[i])) for r in rows + [["engine"] + cols]) for i in range(len(cols) + 1)]
    line = lambda r: "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(r, widths)))
    print()
    print(f"Corpus: {result['corpus']['articles']} articles, {result['corpus']['text_bytes'] / 1e6:.1f} MB of text; "
          f"runs: {result['settings']['runs']} (medians); latency set: {sum(result['corpus']['latency_queries'].values())} "
          f"queries (AND); known items: {result['corpus']['known_items']} (OR, top {K})")
    print(line(["engine"] + cols))
    for r in rows:
        print(line(r))
    rat = result.get("ratios", {})
    if rat:
        print("\nAkhbar/peer (median of per-run ratios; >1 is better for art/s and MRR, <1 is better for the rest):")
        rcols = ["art/s", "RSS", "index MB", "p50 ids", "p99 ids", "p50 match", "p50 plain", "p99 plain", "p50 facets",
                 "p99 facets", "MRR@10", "floor art/s", "floor p50"]
        rrows = []
        for name, r in rat.items():
            rrows.append([name, fmt(r["plain"]["articles_per_s"]["median"], 2), fmt(r["plain"]["peak_rss_mb"]["median"], 2),
                          fmt(r["plain"]["index_mb"]["median"], 2),
                          fmt(get(r, ("ids", "p50_ms", "median")), 2), fmt(get(r, ("ids", "p99_ms", "median")), 2),
                          fmt(get(r, ("ids_match", "p50_ms", "median")), 2),
                          fmt(r["plain"]["p50_ms"]["median"], 2),
                          fmt(r["plain"]["p99_ms"]["median"], 2), fmt(r["facets"]["p50_ms"]["median"], 2),
                          fmt(r["facets"]["p99_ms"]["median"], 2), fmt(r.get("mrr@10"), 2),
                          fmt(get(r, ("floor", "articles_per_s", "median")), 2),
                          fmt(get(r, ("floor", "p50_ms", "median")), 2)])
        w2 = [max(len(str(x[i])) for x in rrows + [["peer"] + rcols]) for i in range(len(rcols) + 1)]
        l2 = lambda r: "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(r, w2)))
        print(l2(["peer"] + rcols))
        for r in rrows:
            print(l2(r))
    for name, e in eng.items():
        if e.get("skipped"):
            print(f"skipped {name}: {e['skipped']}")


def lucene_wins(ki, rel, meta_titles, limit=200):
    """Queries where Lucene ranks the article first and Akhbar does not."""
    if "lucene" not in rel or "akhbar" not in rel:
        return []
    out = []
    for i, (q, did) in enumerate(ki):
        lr, ar = rel["lucene"]["ranks"][i], rel["akhbar"]["ranks"][i]
        if lr == 1 and ar != 1:
            top = rel["akhbar"]["tops"][i]
            out.append({"query": q, "id": did, "akhbar_rank": ar, "akhbar_top": top,
                        "akhbar_top_title": meta_titles.get(top)})
    return out[:limit]


def write_ranks(path, ki, rel):
    names = list(rel)
    with open(path, "w", encoding="utf-8") as f:
        f.write("query\tid\t" + "\t".join(names) + "\n")
        for i, (q, did) in enumerate(ki):
            ranks = [rel[n]["ranks"][i] for n in names]
            f.write(f"{q}\t{did}\t" + "\t".join("" if r is None else str(r) for r in ranks) + "\n")


# ---------------------------------------------------------------- main

def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = time.perf_counter()
    phases = {}
    command = " ".join([os.path.relpath(os.path.abspath(sys.argv[0]), REPO)] + sys.argv[1:])
    if not os.path.exists(args.corpus):
        print(f"run.py: corpus {args.corpus} not found", file=sys.stderr)
        return 2
    os.makedirs(os.path.join(args.work, "logs"), exist_ok=True)
    os.makedirs(os.path.join(args.work, "idx"), exist_ok=True)

    t = time.perf_counter()
    bins = akhbar_binaries(args.bin_dir)
    phases["build_akhbar_s"] = time.perf_counter() - t

    t = time.perf_counter()
    prep, manifest = prepared_corpus(args)
    ki, lat = read_queries(prep)
    qfiles = {"ki": os.path.join(prep, "ki_queries.txt"), "latency": os.path.join(prep, "latency_queries.txt")}
    with open(qfiles["ki"], "w", encoding="utf-8") as f:
        f.writelines(q + "\n" for q, _ in ki)
    with open(qfiles["latency"], "w", encoding="utf-8") as f:
        f.writelines(q + "\n" for _, q, _ in lat)  # peers: same text, no filter
    meta_titles = {}
    with open(os.path.join(prep, "meta.jsonl"), encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            meta_titles[o["id"]] = o["title"]
    phases["prepare_corpus_s"] = time.perf_counter() - t
    log(f"corpus: {manifest['articles']} articles, {manifest['text_bytes'] / 1e6:.1f} MB; "
        f"{len(ki)} known items, {len(lat)} latency queries")

    # Peers: install, copy, build (or skip with the reason).
    t = time.perf_counter()
    wanted = [] if args.peers == "none" else (peerlib.ALL if args.peers == "all" else args.peers.split(","))
    ready, skipped = [], {}
    shared_peers = os.path.join(SHARED, "peers")
    with open(os.path.join(args.work, "logs", "setup.log"), "a") as setup_log:
        for name in wanted:
            if not os.path.isdir(shared_peers):
                skipped[name] = f"peer recipes not found at {shared_peers}"
                continue
            try:
                ready.append(peerlib.setup_peer(name, shared_peers, os.path.join(args.work, "peers"),
                                                not args.no_install, setup_log))
                log(f"peer {name}: ready")
            except peerlib.PeerSkipped as e:
                skipped[name] = str(e)
                log(f"peer {name}: SKIPPED: {e}")
    phases["setup_peers_s"] = time.perf_counter() - t

    runs = {"akhbar": []}
    runs.update({p.name: [] for p in ready})
    rel = {}
    engine_time = {n: 0.0 for n in runs}
    for run_no in range(1, args.runs + 1):
        t = time.perf_counter()
        log(f"run {run_no}/{args.runs}: akhbar")
        runs["akhbar"].append(run_akhbar(bins, prep, manifest, ki, lat, args, run_no, rel))
        engine_time["akhbar"] += time.perf_counter() - t
        for p in ready:
            t = time.perf_counter()
            log(f"run {run_no}/{args.runs}: {p.name}")
            runs[p.name].append(run_peer(p, prep, manifest, ki, lat, args, run_no, rel, qfiles))
            engine_time[p.name] += time.perf_counter() - t
            if not args.keep_indexes or run_no < args.runs:
                base = os.path.join(args.work, "idx", p.name)
                shutil.rmtree(base, ignore_errors=True)
                if os.path.exists(base + ".json"):
                    os.remove(base + ".json")
    phases["engines_s"] = engine_time

    for name, r in rel.items():
        r["metrics"] = benchlib.known_item_metrics(r["ranks"], K)

    engines = {}
    a_runs = runs["akhbar"]
    engines["akhbar"] = {"label": "Akhbar", "runs": a_runs,
                         "median_ids": medians(a_runs, "latency_ids"),
                         "median_ids_match": medians(a_runs, ("latency_ids", "match")),
                         "median_plain": medians(a_runs, "latency_plain"),
                         "median_facets": medians(a_runs, "latency_facets"),
                         "median_floor": medians([floor_view(r) for r in a_runs]),
                         "relevance": {k: v for k, v in rel.get("akhbar", {}).items() if k not in ("ranks", "tops")}}
    result_ratios = {}
    for p in ready:
        engines[p.name] = {"label": p.label, "runs": runs[p.name], "median": medians(runs[p.name]),
                           "relevance": {k: v for k, v in rel.get(p.name, {}).items() if k not in ("ranks", "tops")}}
        rr = {"ids": ratios(a_runs, runs[p.name], "latency_ids"),
              "ids_match": ratios(a_runs, runs[p.name], ("latency_ids", "match")),
              "plain": ratios(a_runs, runs[p.name], "latency_plain"),
              "facets": ratios(a_runs, runs[p.name], "latency_facets"),
              "floor": ratios([floor_view(r) for r in a_runs], runs[p.name], None)}
        am, pm = get(rel, ("akhbar", "metrics", "mrr@10")), get(rel, (p.name, "metrics", "mrr@10"))
        rr["mrr@10"] = am / pm if (am is not None and pm) else None
        result_ratios[p.name] = rr
    for name, why in skipped.items():
        engines[name] = {"label": peerlib.SPECS.get(name, {}).get("label", name), "skipped": why}

    stamp = datetime.datetime.now().astimezone()
    name = args.name or (os.path.basename(os.path.normpath(args.corpus)).split(".")[0]
                         + (f"-{args.limit // 1000}k" if args.limit else ""))
    out = args.out or os.path.join(BENCH, "results", f"{stamp:%Y-%m-%d}-{name}.json")
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    ranks_path = os.path.splitext(out)[0] + ".ranks.tsv"
    write_ranks(ranks_path, ki, rel)
    phases["total_s"] = time.perf_counter() - started
    result = {
        "date": stamp.isoformat(timespec="seconds"),
        "machine": benchlib.machine_info(),
        "command": command,
        "git": git_state(),
        "settings": {"runs": args.runs, "k": K, "warmup": args.warmup, "akhbar_input": args.akhbar_input,
                     "akhbar_index_args": args.akhbar_index_args, "bin_dir": os.path.abspath(args.bin_dir), "latency_op": "AND (peers), default (Akhbar)",
                     "known_item_op": "OR", "peers_requested": wanted},
        "corpus": manifest,
        "versions": peerlib.package_versions(["libxapian30", "xapian-omega", "python3-xapian", "liblucene8-java",
                                              "liblucene++-dev", "sphinxsearch", "nodejs", "openjdk-17-jre-headless"]),
        "engines": engines,
        "ratios": result_ratios,
        "lucene_rank1_akhbar_not": lucene_wins(ki, rel, meta_titles),
        "ranks_file": os.path.basename(ranks_path),
        "phases": phases,
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
    print_table(result)
    print(f"\nwrote {out} and {ranks_path} ({phases['total_s'] / 60:.1f} min)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
