#!/usr/bin/env python3
"""Near-duplicate clusters and "more like this" measured on an indexed corpus.

  bench/near_duplicates.py --db /tmp/h22b-ant --corpus /work/shared/corpora/ant \
      --search build/akhbar-search [--pairs pairs.txt] [--like 300] [--queries latency.tsv]

Reports: clusters of two articles or more and the share of articles in one
(cluster keys read with xapian-delve from slot 11, ids from slot 9); writes
--pairs: random pairs of one cluster (title and the body's first 100
characters of each, and the Jaccard similarity of their whitespace-word
3-shingles) for checking by hand; --like N: of N random articles that
have a near-duplicate, how many find one in the top 3 of `--like`;
--queries: whether the first page of each query (folded, the default)
holds two articles of one cluster; --shards ARCHIVE (the same articles
indexed with --shards N): how many pairs of articles that --db puts in one
cluster the archive keeps together, how many it puts together that --db
does not, and with --queries how many first pages equal --db's.
"""
import argparse
import codecs
import collections
import itertools
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import akhbar_run_queries, median  # noqa: E402
from prepare_corpus import read_corpus  # noqa: E402


def slot_values(db, slot):
    """docid -> value of `slot` (xapian-delve's escaped form)."""
    out = subprocess.run(["xapian-delve", "-1", f"-V{slot}", db], capture_output=True, text=True,
                         check=True).stdout
    values = {}
    for line in out.splitlines():
        did, sep, value = line.partition(":")
        if sep and did.strip().isdigit():
            values[int(did)] = value.strip()
    return values


def clusters_of(db):
    ids = slot_values(db, 9)
    keys = slot_values(db, 11)
    by_key = collections.defaultdict(list)
    for did, key in keys.items():
        if did in ids:
            by_key[key].append(ids[did])
    cluster_of = {i: k for k, members in by_key.items() for i in members}
    return by_key, cluster_of


def similarity_histogram(db):
    """Pairs sharing a band of the stored 16-bit MinHash values (slot 10), by estimated similarity."""
    out = subprocess.run(["xapian-delve", "-1", "-V10", db], capture_output=True, check=True).stdout
    sig = {}
    for line in out.decode("latin-1").splitlines()[1:]:
        did, _, value = line.partition(":")
        raw = codecs.escape_decode(value.encode("latin-1"))[0]
        if len(raw) == 128:
            sig[int(did)] = raw
    bands = collections.defaultdict(list)
    for did, s in sig.items():
        for b in range(16):
            bands[(b, s[b * 8:(b + 1) * 8])].append(did)
    pairs = {(m[i], m[j]) for m in bands.values() if 1 < len(m) <= 64
             for i in range(len(m)) for j in range(i + 1, len(m))}
    hist = collections.Counter()
    for x, y in pairs:
        same = sum(sig[x][k:k + 2] == sig[y][k:k + 2] for k in range(0, 128, 2)) / 64
        hist[min(int(same * 10), 10) / 10] += 1
    return len(pairs), dict(sorted(hist.items()))


def shingles(text, n=3):
    words = text.split()
    return {" ".join(words[i:i + n]) for i in range(max(0, len(words) - n + 1))}


def jaccard(a, b):
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


def write_pairs(path, multi, corpus, rnd, count):
    articles = {}
    wanted = {i for members in multi for i in members}
    for a in read_corpus(corpus):
        if a["id"] in wanted:
            articles[a["id"]] = a
    chosen = rnd.sample(multi, min(count, len(multi)))
    with open(path, "w", encoding="utf-8") as f:
        for n, members in enumerate(chosen, 1):
            x, y = rnd.sample(members, 2)
            ax, ay = articles.get(x), articles.get(y)
            if not ax or not ay:
                continue
            f.write(f"## pair {n}  (cluster of {len(members)}; shingle Jaccard "
                    f"{jaccard(ax['body'], ay['body']):.2f})\n")
            for a in (ax, ay):
                body = " ".join(a["body"].split())[:100]
                f.write(f"{a['id']} | {a['source']} | {a['date']}\n  {a['title']}\n  {body}\n")
            f.write("\n")


def like_recall(search, db, multi, rnd, count):
    members = [(i, m) for m in multi for i in m]
    sample = rnd.sample(members, min(count, len(members)))
    found = 0
    for article, cluster in sample:
        r = subprocess.run([search, "--db", db, "--like", article, "--no-collapse", "--ids-only",
                            "--no-facets", "--limit", "3"], capture_output=True, text=True)
        top = [line.split("\t")[0] for line in r.stdout.splitlines()]
        found += any(t in cluster and t != article for t in top)
    return found, len(sample)


def query_lines(queries):
    """The queries of a latency.tsv (its second column)."""
    return [q.split("\t")[1] for q in open(queries, encoding="utf-8").read().splitlines() if "\t" in q]


def page_ids(search, db, lines):
    """The ids of each query's first page (folded), None for a refused query."""
    r = subprocess.run([search, "--db", db, "--batch", "-", "--no-facets", "--ids-only"],
                       input="\n".join(lines) + "\n", capture_output=True, text=True)
    pages = []
    for line in r.stdout.splitlines():
        obj = json.loads(line)
        pages.append(None if "error" in obj else [h["id"] for h in obj["results"]])
    return pages


def first_pages(pages, cluster_of):
    """Pages holding two articles of one cluster, and pages answered."""
    answered = [ids for ids in pages if ids is not None]
    bad = 0
    for ids in answered:
        keys = [k for k in (cluster_of.get(i) for i in ids) if k]
        bad += len(keys) != len(set(keys))
    return bad, len(answered)


def cluster_pairs(by_key):
    """Every pair of articles of one cluster, as sorted id pairs."""
    return {pair for members in by_key.values() if len(members) >= 2
            for pair in itertools.combinations(sorted(members), 2)}


def compare_shards(search, archive, by_key, lines, pages):
    """Cluster pairs of --db the archive keeps, and first pages equal to
    --db's (`pages`, for `lines`; none when no queries were given)."""
    one = cluster_pairs(by_key)
    split = cluster_pairs(clusters_of(archive)[0])
    kept = len(one & split)
    print(f"pairs of one cluster in --db kept together by the archive: {kept} of {len(one)} "
          f"({100.0 * kept / max(1, len(one)):.1f}%); together in the archive only: {len(split - one)}")
    if lines:
        answered = [(x, y) for x, y in zip(pages, page_ids(search, archive, lines)) if x is not None]
        equal = sum(1 for x, y in answered if x == y)
        print(f"first pages equal to --db's: {equal} of {len(answered)} queries")


def latency(search, db, lines, rounds):
    """p50 of the searcher's own time (took_ms), folded and not, alternating runs."""
    p50 = {"folded": [], "--no-collapse": []}
    for _ in range(rounds):
        for name, extra in (("folded", ()), ("--no-collapse", ("--no-collapse",))):
            took = [r[4] for r in akhbar_run_queries(search, db, lines, extra) if r[4] is not None]
            p50[name].append(median(took))
    return {k: median(v) for k, v in p50.items()}, p50


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", required=True)
    p.add_argument("--corpus")
    p.add_argument("--search", default="build/akhbar-search")
    p.add_argument("--pairs", help="write random pairs of one cluster here")
    p.add_argument("--pair-count", type=int, default=50)
    p.add_argument("--like", type=int, default=0, help="sample size for --like recall")
    p.add_argument("--queries", help="latency.tsv: check the first pages")
    p.add_argument("--latency-rounds", type=int, default=0, help="time --queries folded and not, N rounds each")
    p.add_argument("--histogram", action="store_true", help="candidate pairs by estimated similarity")
    p.add_argument("--shards", help="the same articles indexed with --shards N: compare the clusters")
    p.add_argument("--seed", type=int, default=22)
    a = p.parse_args()
    rnd = random.Random(a.seed)
    by_key, cluster_of = clusters_of(a.db)
    multi = sorted(sorted(m) for m in by_key.values() if len(m) >= 2)
    in_multi = sum(len(m) for m in multi)
    print(f"articles {len(cluster_of)}, clusters of 2 or more {len(multi)}, articles in one {in_multi} "
          f"({100.0 * in_multi / max(1, len(cluster_of)):.1f}%), largest {max((len(m) for m in multi), default=0)}")
    sizes = collections.Counter(min(len(m), 10) for m in multi)
    print("sizes (10 = 10 or more):", dict(sorted(sizes.items())))
    if a.histogram:
        n, hist = similarity_histogram(a.db)
        print(f"pairs sharing a band {n}; by estimated similarity (bucket from): {hist}")
    if a.pairs and a.corpus:
        write_pairs(a.pairs, multi, a.corpus, rnd, a.pair_count)
        print("pairs written to", a.pairs)
    if a.like:
        found, n = like_recall(a.search, a.db, multi, rnd, a.like)
        print(f"--like: a near-duplicate in the top 3 for {found} of {n} ({100.0 * found / max(1, n):.1f}%)")
    lines = query_lines(a.queries) if a.queries else []
    pages = page_ids(a.search, a.db, lines) if lines else []
    if lines:
        bad, n = first_pages(pages, cluster_of)
        print(f"first pages holding two articles of one cluster: {bad} of {n} queries")
    if a.shards:
        compare_shards(a.search, a.shards, by_key, lines, pages)
    if lines and a.latency_rounds:
        med, runs = latency(a.search, a.db, lines, a.latency_rounds)
        print(f"p50 took_ms folded {med['folded']:.3f}, --no-collapse {med['--no-collapse']:.3f}, "
              f"ratio {med['folded'] / med['--no-collapse']:.3f} (rounds: {runs})")


if __name__ == "__main__":
    main()
