#!/usr/bin/env python3
"""Word vectors of the neural tagger trial, learned without labels: WORK/vectors.vec.

fastText skip-gram (Debian fasttext; dim 100, words seen 3 times or more, 3 epochs, one
thread, seed 1) on ANT's titles and bodies as words.tokens() splits them; then every word of
ANERcorp's training file (no tags are read) gets a vector through its letter n-grams unless ANT
has it. The file is written under another name and renamed when complete. About 15 minutes.

Usage: python3 bench/ner_neural/vectors.py --work DIR [--shared ../shared]
"""

import argparse
import gzip
import os
import pathlib
import re
import subprocess
import sys

from words import normalize, tokens

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "scripts"))
from eval_ner import read_conll  # noqa: E402


def dump_ant(ant_dir, out_path):
    with open(out_path, "w", encoding="utf-8") as out:
        for path in sorted(ant_dir.glob("*.xml.gz")):
            text = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
            for m in re.finditer(r"<(TITLE|TEXT)>(.*?)</\1>", text, re.S):
                for line in m.group(2).split("\n"):
                    if t := tokens(line):
                        out.write(" ".join(t) + "\n")


def anercorp_words(path):
    return sorted({normalize(w) for s in read_conll(path) for w, _ in s})


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", required=True, type=pathlib.Path)
    ap.add_argument("--shared", type=pathlib.Path, default=HERE.parent.parent.parent / "shared")
    a = ap.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    dump_ant(a.shared / "corpora" / "ant", a.work / "ant.txt")
    subprocess.run(["fasttext", "skipgram", "-input", str(a.work / "ant.txt"), "-output",
                    str(a.work / "ant"), "-dim", "100", "-minCount", "3", "-thread", "1",
                    "-seed", "1", "-epoch", "3"], stdout=subprocess.DEVNULL, check=True)
    known = {}
    with open(a.work / "ant.vec", encoding="utf-8") as f:
        next(f)
        for line in f:
            known[line.split(" ", 1)[0]] = line
    words = anercorp_words(a.shared / "ner" / "anercorp" / "train.txt")
    asked = subprocess.run(["fasttext", "print-word-vectors", str(a.work / "ant.bin")],
                           input="\n".join(words) + "\n", capture_output=True, text=True,
                           check=True).stdout
    for line in asked.splitlines():
        known.setdefault(line.split(" ", 1)[0], line.rstrip() + "\n")
    partial = a.work / "vectors.vec.partial"
    with open(partial, "w", encoding="utf-8") as f:
        f.write(f"{len(known)} 100\n")
        f.writelines(known.values())
    os.replace(partial, a.work / "vectors.vec")


if __name__ == "__main__":
    main()
