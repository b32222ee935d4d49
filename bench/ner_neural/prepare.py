#!/usr/bin/env python3
"""Inputs of the neural tagger trial (bench/ner_neural/bilstm_crf.py), written to --work.

For one split of ANERcorp's training file (--split dev: train on sentences 1-3000, score
3001-3963; --split fold: train on 1001-3963, score 1-1000) it writes:
  train.txt, test.txt             gold CoNLL of the two parts;
  train.rules, test.rules         the tags of Akhbar's rules alone (no model);
  train.model, test.model         the tags of Akhbar's model: for the training part out of
                                  fold (five models, each trained without the fifth it tags),
                                  for the scored part the model trained on the training part;
and, once for both splits, vectors.vec: fastText skip-gram vectors learned without labels on
ANT's titles and bodies (words seen 3 times or more, plus every ANERcorp word through its
subwords). Needs ../shared, the fasttext command (Debian fasttext) and a build of Akhbar.
Takes about 20 minutes on one core.
"""

import argparse
import gzip
import os
import pathlib
import re
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "scripts"))
from eval_ner import read_conll  # noqa: E402
from words import normalize, tokens  # noqa: E402

SPLITS = {"dev": (range(0, 3000), range(3000, 3963)),
          "fold": (range(1000, 3963), range(0, 1000))}


def write_conll(path, sentences):
    with open(path, "w", encoding="utf-8") as f:
        for s in sentences:
            f.writelines(f"{w} {t}\n" for w, t in s)
            f.write("\n")


def tag(build, conll, model, out):
    env = dict(os.environ, AKHBAR_NER_MODEL=str(model))
    with open(out, "w", encoding="utf-8") as f:
        subprocess.run([str(build / "akhbar-tag"), "--conll", str(conll)], env=env,
                       stdout=f, stderr=subprocess.DEVNULL, check=True)


def train(build, conll, model):
    subprocess.run([str(build / "akhbar-train-ner"), "--train", str(conll), "--threads", "1",
                    "--model", str(model)], stderr=subprocess.DEVNULL, check=True)


def out_of_fold(build, work, sentences):
    """The model's tags of each fifth of the training part, by a model trained on the rest."""
    n, tagged = len(sentences), []
    bounds = [round(k * n / 5) for k in range(6)]
    for k in range(5):
        rest = sentences[:bounds[k]] + sentences[bounds[k + 1]:]
        write_conll(work / "fold.train", rest)
        write_conll(work / "fold.test", sentences[bounds[k]:bounds[k + 1]])
        train(build, work / "fold.train", work / "fold.model")
        tag(build, work / "fold.test", work / "fold.model", work / "fold.tags")
        tagged += read_conll(work / "fold.tags")
    return tagged


def ant_vectors(shared, work, words):
    vec = work / "vectors.vec"
    if vec.exists():
        return
    with open(work / "ant.txt", "w", encoding="utf-8") as out:
        for path in sorted((shared / "corpora" / "ant").glob("*.xml.gz")):
            text = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
            for m in re.finditer(r"<(TITLE|TEXT)>(.*?)</\1>", text, re.S):
                for line in m.group(2).split("\n"):
                    if t := tokens(line):
                        out.write(" ".join(t) + "\n")
    subprocess.run(["fasttext", "skipgram", "-input", str(work / "ant.txt"), "-output",
                    str(work / "ant"), "-dim", "100", "-minCount", "3", "-thread", "1",
                    "-seed", "1", "-epoch", "3"], stdout=subprocess.DEVNULL, check=True)
    known = {}
    for line in open(work / "ant.vec", encoding="utf-8").readlines()[1:]:
        known[line.split(" ", 1)[0]] = line
    asked = subprocess.run(["fasttext", "print-word-vectors", str(work / "ant.bin")],
                           input="\n".join(sorted(words)) + "\n", capture_output=True,
                           text=True, check=True).stdout
    for line in asked.splitlines():
        known.setdefault(line.split(" ", 1)[0], line.rstrip() + "\n")
    with open(vec, "w", encoding="utf-8") as f:
        f.write(f"{len(known)} 100\n")
        f.writelines(known.values())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=SPLITS, default="dev")
    ap.add_argument("--work", required=True, type=pathlib.Path)
    ap.add_argument("--shared", type=pathlib.Path, default=HERE.parent.parent.parent / "shared")
    ap.add_argument("--build", type=pathlib.Path, default=HERE.parent.parent / "build")
    a = ap.parse_args()
    gold_path = a.shared / "ner" / "anercorp" / "train.txt"
    gold = read_conll(gold_path)
    split = a.work / a.split
    split.mkdir(parents=True, exist_ok=True)
    tag(a.build, gold_path, "/nonexistent", split / "rules.all")
    rules = read_conll(split / "rules.all")
    first, second = SPLITS[a.split]
    for name, part in (("train", first), ("test", second)):
        write_conll(split / f"{name}.txt", [gold[i] for i in part])
        write_conll(split / f"{name}.rules", [rules[i] for i in part])
    write_conll(split / "train.model", out_of_fold(a.build, split, [gold[i] for i in first]))
    train(a.build, split / "train.txt", split / "whole.model")
    tag(a.build, split / "test.txt", split / "whole.model", split / "test.model")
    ant_vectors(a.shared, a.work, {normalize(w) for s in gold for w, _ in s})


if __name__ == "__main__":
    main()
