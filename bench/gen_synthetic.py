#!/usr/bin/env python3
"""Builds a SYNTHETIC news archive from ANT, for index size and latency at scale.

usage: gen_synthetic.py [--corpus ../shared/corpora/ant] [--n 1000000]
                        [--out $TMPDIR/akhbar-bench/synthetic-1000000.jsonl.gz]
                        [--seed 1] [--start-year 2006] [--years 20]

Each synthetic article copies the shape of a real one chosen at random (its
category, source and number of sentences) and fills it with sentences drawn
at random from all the articles of that category; its title joins the halves
of two real titles of the same category. Ids are new (syn-0000001), dates are
spread uniformly over --years years from --start-year. Every line carries
"synthetic": true. The text is real Arabic, but the articles are NOT real
news: never use this archive for relevance, only for size and speed.
Output: JSON Lines, gzip-compressed (akhbar-index reads it directly).
"""
import argparse
import datetime
import gzip
import json
import os
import random
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import prepare_corpus  # noqa: E402

SENTENCE_END = re.compile(r"(?<=[.!؟?])\s+|\n+")
BANNER = "SYNTHETIC ARCHIVE (generated from ANT by bench/gen_synthetic.py): not real news articles"


def load_categories(corpus):
    """category -> {'sentences', 'titles', 'shapes': [(source, n_sentences)]}"""
    cats = {}
    for a in prepare_corpus.read_corpus(corpus):
        sentences = [s.strip() for s in SENTENCE_END.split(a["body"]) if len(s.strip()) > 1]
        if not sentences:
            continue
        c = cats.setdefault(a["category"] or "uncategorized", {"sentences": [], "titles": [], "shapes": []})
        c["sentences"].extend(sentences)
        if a["title"].strip():
            c["titles"].append(a["title"].split())
        c["shapes"].append((a["source"], len(sentences)))
    return cats


def make_title(rnd, titles):
    if not titles:
        return ""
    a, b = rnd.choice(titles), rnd.choice(titles)
    return " ".join(a[:max(1, len(a) // 2)] + b[len(b) // 2:])


def generate(corpus, n, out, seed, start_year, years):
    rnd = random.Random(seed)
    print(BANNER, file=sys.stderr, flush=True)
    t0 = time.time()
    cats = load_categories(corpus)
    # A random real article gives the shape; categories keep their real proportions.
    shapes = [(cat, src, ns) for cat, c in sorted(cats.items()) for src, ns in c["shapes"]]
    start = datetime.datetime(start_year, 1, 1)
    span_s = int((datetime.datetime(start_year + years, 1, 1) - start).total_seconds())
    os.makedirs(os.path.dirname(os.path.abspath(out)) or ".", exist_ok=True)
    text_bytes = 0
    with gzip.open(out + ".part", "wt", encoding="utf-8", compresslevel=1) as f:
        for i in range(1, n + 1):
            cat, src, ns = rnd.choice(shapes)
            c = cats[cat]
            sentences = rnd.choices(c["sentences"], k=ns)
            paragraphs = [" ".join(sentences[j:j + 3]) for j in range(0, ns, 3)]
            body = "\n".join(paragraphs)
            text_bytes += len(body.encode("utf-8"))
            date = start + datetime.timedelta(seconds=rnd.randrange(span_s))
            rec = {"id": f"syn-{i:07d}", "title": make_title(rnd, c["titles"]), "body": body,
                   "date": date.strftime("%Y-%m-%dT%H:%M:%SZ"), "source": src, "category": cat,
                   "synthetic": True}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if i % 100000 == 0:
                print(f"  {i:,} synthetic articles ({time.time() - t0:.0f} s)", file=sys.stderr, flush=True)
    os.replace(out + ".part", out)
    summary = {"synthetic": True, "note": BANNER, "articles": n, "text_bytes": text_bytes,
               "file": os.path.abspath(out), "file_bytes": os.path.getsize(out), "seed": seed,
               "dates": f"{start_year}-01-01..{start_year + years - 1}-12-31",
               "categories": {k: len(v["shapes"]) for k, v in sorted(cats.items())},
               "seconds": round(time.time() - t0, 1)}
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    print(BANNER, file=sys.stderr)
    return summary


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.normpath(os.path.join(here, "..", "..", "shared", "corpora", "ant")))
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--out", default=None)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start-year", type=int, default=2006)
    ap.add_argument("--years", type=int, default=20)
    a = ap.parse_args()
    out = a.out or os.path.join(os.environ.get("TMPDIR", "/tmp"), "akhbar-bench", f"synthetic-{a.n}.jsonl.gz")
    if not os.path.exists(a.corpus):
        print(f"gen_synthetic: corpus {a.corpus} not found", file=sys.stderr)
        return 2
    generate(a.corpus, a.n, out, a.seed, a.start_year, a.years)
    return 0


if __name__ == "__main__":
    sys.exit(main())
