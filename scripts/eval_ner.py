#!/usr/bin/env python3
"""Entity-level precision, recall and F1 (exact span and type) of BIO tags.

Compares a predicted CoNLL file with a gold one (token and tag per line, blank
line between sentences), per type LOC, PERS, ORG (other gold types, e.g.
MISC, are ignored) and over the three together (micro average).

Either give both files:
    scripts/eval_ner.py --gold gold.txt --pred pred.txt
or let the script run the tagger on a range of gold sentences:
    scripts/eval_ner.py --gold ../shared/ner/anercorp/train.txt \\
        --sentences 3001-3963 --tagger build/akhbar-tag

--sentences FIRST-LAST (1-based, inclusive) selects sentences of both files.
--errors N prints N missed and N spurious entities per type, for tuning.
Exit status: 0, or 2 on bad input (token mismatch between the files).
"""

import argparse
import collections
import subprocess
import sys
import tempfile

TYPES = ("LOC", "PERS", "ORG")


def read_conll(path):
    sentences, current = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if not fields:
                if current:
                    sentences.append(current)
                    current = []
                continue
            if fields[0] == "-DOCSTART-":
                continue
            current.append((fields[0], fields[-1] if len(fields) > 1 else "O"))
    if current:
        sentences.append(current)
    return sentences


def spans(tags):
    """(type, first, last) of each entity in a BIO tag sequence (an I- without
    a B- opens an entity, as conlleval does)."""
    out, start, kind = [], None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, t = tag.partition("-")
        if start is not None and (prefix != "I" or t != kind):
            out.append((kind, start, i - 1))
            start = None
        if prefix == "B" or (prefix == "I" and start is None):
            start, kind = i, t
    return out


def select(sentences, spec):
    if not spec:
        return sentences
    first, last = (int(x) for x in spec.split("-"))
    return sentences[first - 1:last]


def run_tagger(tagger, sentences, extra):
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        for s in sentences:
            f.write("".join(tok + "\n" for tok, _ in s) + "\n")
        path = f.name
    out = subprocess.run([tagger, "--conll", path] + extra, capture_output=True, text=True,
                         check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"eval_ner: {tagger} failed: {out.stderr}")
    predicted, current = [], []
    for line in out.stdout.split("\n"):
        if not line:
            if current:
                predicted.append(current)
                current = []
            continue
        tok, tag = line.rsplit("\t", 1)
        current.append((tok, tag))
    return predicted


def evaluate(gold, pred, show_errors):
    if len(gold) != len(pred):
        sys.exit(f"eval_ner: {len(gold)} gold sentences but {len(pred)} predicted")
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    missed, spurious = collections.defaultdict(list), collections.defaultdict(list)
    for n, (g, p) in enumerate(zip(gold, pred)):
        if [t for t, _ in g] != [t for t, _ in p]:
            sys.exit(f"eval_ner: sentence {n + 1}: tokens differ between gold and prediction")
        gs = {s for s in spans([t for _, t in g]) if s[0] in TYPES}
        ps = {s for s in spans([t for _, t in p]) if s[0] in TYPES}
        words = [t for t, _ in g]
        for s in gs & ps:
            tp[s[0]] += 1
        for s in ps - gs:
            fp[s[0]] += 1
            spurious[s[0]].append(" ".join(words[s[1]:s[2] + 1]))
        for s in gs - ps:
            fn[s[0]] += 1
            missed[s[0]].append(" ".join(words[s[1]:s[2] + 1]))
    rows = []
    for t in TYPES + ("ALL",):
        a = sum(tp.values()) if t == "ALL" else tp[t]
        b = sum(fp.values()) if t == "ALL" else fp[t]
        c = sum(fn.values()) if t == "ALL" else fn[t]
        precision = a / (a + b) if a + b else 0.0
        recall = a / (a + c) if a + c else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append((t, a + c, precision, recall, f1))
    print(f"{'type':5} {'gold':>6} {'prec':>6} {'recall':>6} {'F1':>6}")
    for t, n, p_, r_, f_ in rows:
        print(f"{t:5} {n:6d} {p_:6.3f} {r_:6.3f} {f_:6.3f}")
    if show_errors:
        for t in TYPES:
            print(f"\n{t} missed:", "; ".join(f"{w} ({c})" for w, c in
                                             collections.Counter(missed[t]).most_common(show_errors)))
            print(f"{t} spurious:", "; ".join(f"{w} ({c})" for w, c in
                                               collections.Counter(spurious[t]).most_common(show_errors)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", help="predicted CoNLL file (or use --tagger)")
    ap.add_argument("--tagger", help="akhbar-tag binary to run on the gold tokens")
    ap.add_argument("--tagger-arg", action="append", default=[],
                    help="extra argument for the tagger (repeatable)")
    ap.add_argument("--sentences", help="FIRST-LAST, 1-based inclusive range of sentences")
    ap.add_argument("--errors", type=int, default=0, help="show the N most frequent errors")
    args = ap.parse_args()
    gold = select(read_conll(args.gold), args.sentences)
    if args.tagger:
        pred = run_tagger(args.tagger, gold, args.tagger_arg)
    elif args.pred:
        pred = select(read_conll(args.pred), args.sentences)
    else:
        ap.error("give --pred or --tagger")
    evaluate(gold, pred, args.errors)


if __name__ == "__main__":
    main()
