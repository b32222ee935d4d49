#!/usr/bin/env python3
"""Turns a news corpus with titles into the benchmark's inputs.

usage: prepare_corpus.py --corpus PATH --out DIR [--limit N] [--known-items 2000]
                         [--latency-queries 1000] [--seed 4] [--no-docs]

PATH is a folder of ANT TREC `<DOC>` gzip files (or one such file), or a JSON
Lines file (optionally .gz) with at least a title and a body per line
(fields: id, title, body|text|content, date, source, category).

Writes into DIR:
  docs/ID.txt          one file per article, the body only (what every engine indexes)
  akhbar.jsonl         the same bodies, byte for byte, with id/date/source/category
                       (no title), so that Akhbar's filters and facets have data
  meta.jsonl           id, title, date, source, category of every article (for reports)
  known_items.tsv      query<TAB>id: titles of a fixed seeded sample, query syntax removed
  latency.tsv          kind<TAB>query<TAB>filter (JSON list of akhbar-search options)
                       kinds: one-word, multi-word, phrase, filtered
  manifest.json        counts, text bytes, seed, what was skipped and why
Articles with an empty body are left out (nothing to find). Known items are
drawn only from articles whose title and body are both unique in the corpus.
"""
import argparse
import datetime
import email.utils
import gzip
import hashlib
import json
import os
import random
import re
import sys
import unicodedata

# Operator words of the engines' query languages (Xapian, Lucene, Sphinx, Akhbar);
# dropped from known-item queries whatever their case.
OPERATOR_WORDS = {"or", "and", "not", "xor", "near", "adj", "maybe", "sentence", "paragraph"}
# Function words never used alone as a one-word latency query.
STOP = set("في من إلى الى على عن مع أن إن ان هذا هذه التي الذي الذين كان قد لم لا ما بعد قبل حتى "
           "و أو او ثم كما بين عند منذ خلال حول ضد لدى غير أي كل هو هي هم".split())

DOC_RE = re.compile(r"<DOC>(.*?)</DOC>", re.S)


def field(block, tag):
    m = re.search(r"<%s>(.*?)</%s>" % (tag, tag), block, re.S)
    return m.group(1).strip() if m else ""


def parse_date(text):
    """ISO date (YYYY-MM-DD) of an ANT <TIME>: RFC-822, ISO-8601 or DD/MM/YYYY; '' if unreadable."""
    text = text.strip()
    if not text:
        return ""
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    m = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if m:
        try:
            return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            return ""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    return "-".join(m.groups()) if m else ""


def read_trec(path):
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
        data = f.read()
    for block in DOC_RE.findall(data):
        yield {"id": field(block, "DOCNO"), "title": field(block, "TITLE"), "body": field(block, "TEXT"),
               "date": parse_date(field(block, "TIME")), "source": field(block, "SRC"),
               "category": field(block, "CAT")}


def read_jsonl(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            o = json.loads(line)
            body = o.get("body") or o.get("text") or o.get("content") or ""
            yield {"id": str(o.get("id") or f"line{n}"), "title": o.get("title") or "", "body": body,
                   "date": parse_date(str(o.get("date") or "")), "source": o.get("source") or "",
                   "category": o.get("category") or ""}


def read_corpus(path):
    """Articles of an ANT folder/file or a JSON Lines file, in a fixed order."""
    if os.path.isdir(path):
        files = sorted(os.path.join(path, f) for f in os.listdir(path)
                       if f.endswith(".gz") or f.endswith(".jsonl"))
    else:
        files = [path]
    for p in files:
        name = os.path.basename(p)
        if name.endswith((".jsonl", ".jsonl.gz", ".json.gz")):
            yield from read_jsonl(p)
        else:
            yield from read_trec(p)


def safe_id(raw):
    """A file-name-safe id: no slash, whitespace or control characters."""
    s = "".join("_" if (c in "/\\" or c.isspace() or unicodedata.category(c)[0] == "C") else c
                for c in raw.strip())
    return s[:150] or "noid"


def clean_query(text):
    """Words of a title without query syntax: every character that is not a letter,
    digit or combining mark becomes a space; operator words are dropped."""
    chars = [c if unicodedata.category(c)[0] in "LNM" else " " for c in text]
    words = [w for w in "".join(chars).split() if w.lower() not in OPERATOR_WORDS]
    return " ".join(words)


def content_words(text):
    return [w for w in clean_query(text).split() if len(w) >= 3 and w not in STOP]


def build_latency_set(articles, n, rnd):
    """A mix of one-word, multi-word, phrase and filtered queries (n/4 each)."""
    per = max(1, n // 4)
    with_title = [a for a in articles if len(content_words(a["title"])) >= 2]
    out = []
    while len([q for q in out if q[0] == "one-word"]) < per:
        out.append(("one-word", rnd.choice(content_words(rnd.choice(with_title)["title"])), []))
    while len([q for q in out if q[0] == "multi-word"]) < per:
        words = clean_query(rnd.choice(with_title)["title"]).split()
        k = min(len(words), rnd.randint(2, 4))
        i = rnd.randint(0, len(words) - k)
        if len(content_words(" ".join(words[i:i + k]))) >= 1:
            out.append(("multi-word", " ".join(words[i:i + k]), []))
    while len([q for q in out if q[0] == "phrase"]) < per:
        a = rnd.choice(articles)
        sentences = [s for s in re.split(r"[.!؟?\n]+", a["body"]) if len(clean_query(s).split()) >= 3]
        if not sentences:
            continue
        words = clean_query(rnd.choice(sentences)).split()
        k = rnd.randint(2, 3)
        i = rnd.randint(0, len(words) - k)
        if len(content_words(" ".join(words[i:i + k]))) >= 1:
            out.append(("phrase", '"%s"' % " ".join(words[i:i + k]), []))
    has_meta = any(a["source"] or a["category"] or a["date"] for a in articles)
    tries = 0
    while has_meta and len([q for q in out if q[0] == "filtered"]) < per and tries < 100 * per:
        tries += 1
        a = rnd.choice(with_title)
        words = content_words(a["title"])
        k = min(len(words), rnd.randint(1, 2))
        i = rnd.randint(0, len(words) - k)
        kind = rnd.choice(["source", "category", "date"])
        if kind == "source" and a["source"]:
            flt = ["--source", a["source"]]
        elif kind == "category" and a["category"]:
            flt = ["--category", a["category"]]
        elif kind == "date" and a["date"]:
            year, half = a["date"][:4], int(a["date"][5:7]) <= 6
            flt = ["--from", f"{year}-01" if half else f"{year}-07", "--to", f"{year}-06" if half else f"{year}-12"]
        else:
            continue
        out.append(("filtered", " ".join(words[i:i + k]), flt))
    rnd.shuffle(out)
    return out


def prepare(corpus, out_dir, limit=None, known_items=2000, latency_queries=1000, seed=4, write_docs=True):
    """Builds every input file in out_dir; returns the manifest dict."""
    os.makedirs(out_dir, exist_ok=True)
    docs_dir = os.path.join(out_dir, "docs")
    if write_docs:
        os.makedirs(docs_dir, exist_ok=True)
    articles, seen_ids = [], set()
    skipped_empty = 0
    text_bytes = 0
    jf = open(os.path.join(out_dir, "akhbar.jsonl"), "w", encoding="utf-8") if write_docs else None
    mf = open(os.path.join(out_dir, "meta.jsonl"), "w", encoding="utf-8")
    for a in read_corpus(corpus):
        if limit and len(articles) >= limit:
            break
        body = a["body"].strip()
        if not body:
            skipped_empty += 1
            continue
        aid = safe_id(a["id"])
        base, n = aid, 1
        while aid in seen_ids:
            n += 1
            aid = f"{base}~{n}"
        seen_ids.add(aid)
        a = dict(a, id=aid, body=body)
        articles.append(a)
        text_bytes += len(body.encode("utf-8"))
        meta = {k: a[k] for k in ("id", "title", "date", "source", "category")}
        mf.write(json.dumps(meta, ensure_ascii=False) + "\n")
        if write_docs:
            with open(os.path.join(docs_dir, aid + ".txt"), "w", encoding="utf-8") as f:
                f.write(body)
            rec = {"id": aid, "body": body}
            rec.update({k: a[k] for k in ("date", "source", "category") if a[k]})
            jf.write(json.dumps(rec, ensure_ascii=False) + "\n")
    mf.close()
    if jf:
        jf.close()

    # Known items: unique title (as a query) and unique body, fixed seeded sample.
    def digest(s):
        return hashlib.sha1(s.encode("utf-8")).hexdigest()
    title_count, body_count = {}, {}
    for a in articles:
        q = clean_query(a["title"])
        a["_q"] = q
        title_count[q] = title_count.get(q, 0) + 1
        h = digest(a["body"])
        a["_h"] = h
        body_count[h] = body_count.get(h, 0) + 1
    pool = [a for a in articles if a["_q"] and title_count[a["_q"]] == 1 and body_count[a["_h"]] == 1]
    rnd = random.Random(seed)
    sample = rnd.sample(pool, min(known_items, len(pool)))
    with open(os.path.join(out_dir, "known_items.tsv"), "w", encoding="utf-8") as f:
        for a in sample:
            f.write(f"{a['_q']}\t{a['id']}\n")

    lat = build_latency_set(articles, latency_queries, random.Random(seed + 1))
    with open(os.path.join(out_dir, "latency.tsv"), "w", encoding="utf-8") as f:
        for kind, q, flt in lat:
            f.write(f"{kind}\t{q}\t{json.dumps(flt, ensure_ascii=False)}\n")

    manifest = {
        "corpus": os.path.abspath(corpus), "limit": limit, "seed": seed,
        "articles": len(articles), "text_bytes": text_bytes,
        "skipped_empty_body": skipped_empty,
        "known_items": len(sample), "known_item_pool": len(pool),
        "excluded_duplicate_title_or_body": len(articles) - len(pool),
        "latency_queries": {k: sum(1 for q in lat if q[0] == k)
                            for k in ("one-word", "multi-word", "phrase", "filtered")},
        "docs_written": write_docs,
    }
    with open(os.path.join(out_dir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    return manifest


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--limit", type=int, default=None, help="take only the first N articles")
    ap.add_argument("--known-items", type=int, default=2000)
    ap.add_argument("--latency-queries", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--no-docs", action="store_true", help="write only the query sets and meta.jsonl")
    a = ap.parse_args()
    m = prepare(a.corpus, a.out, a.limit, a.known_items, a.latency_queries, a.seed, not a.no_docs)
    print(json.dumps(m, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    sys.exit(main())
