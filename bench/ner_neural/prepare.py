#!/usr/bin/env python3
"""Tagged inputs of the neural tagger trial (bench/ner_neural/bilstm_crf.py), in WORK/SPLIT.

For one split of ANERcorp's training file (--split dev: train on sentences 1-3000, score
3001-3963; --split fold: train on 1001-3963, score 1-1000) it writes:
  train.txt, test.txt        gold CoNLL of the two parts;
  train.rules, test.rules    the tags of Akhbar's rules alone (no model), each part tagged as one
                             text, as scripts/eval_ner.py --tagger tags the scored part;
  train.model, test.model    the tags of Akhbar's model: for the training part out of fold (five
                             models, each trained without the fifth it tags), for the scored part
                             the model trained on the whole training part.
The word vectors come from vectors.py. Needs ../shared and a build of Akhbar; about 7 minutes.
"""

import argparse
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "scripts"))
from eval_ner import read_conll  # noqa: E402

SPLITS = {"dev": (range(0, 3000), range(3000, 3963)),
          "fold": (range(1000, 3963), range(0, 1000))}


def write_conll(path, sentences):
    with open(path, "w", encoding="utf-8") as f:
        for s in sentences:
            f.writelines(f"{w} {t}\n" for w, t in s)
            f.write("\n")


def tag(build, conll, model, out):
    """akhbar-tag's tags of CONLL with the entity model MODEL (a missing file: the rules
    alone); raises if it fails."""
    env = dict(os.environ, AKHBAR_NER_MODEL=str(model))
    with open(out, "w", encoding="utf-8") as f:
        subprocess.run([str(build / "akhbar-tag"), "--conll", str(conll)], env=env, stdout=f,
                       check=True)


def train(build, conll, model):
    subprocess.run([str(build / "akhbar-train-ner"), "--train", str(conll), "--threads", "1",
                    "--model", str(model)], check=True)


def out_of_fold(build, work, sentences):
    """The model's tags of each fifth of the training part, by a model trained on the rest."""
    n, tagged = len(sentences), []
    bounds = [round(k * n / 5) for k in range(6)]
    for k in range(5):
        write_conll(work / "fold.train", sentences[:bounds[k]] + sentences[bounds[k + 1]:])
        write_conll(work / "fold.test", sentences[bounds[k]:bounds[k + 1]])
        train(build, work / "fold.train", work / "fold.model")
        tag(build, work / "fold.test", work / "fold.model", work / "fold.tags")
        tagged += read_conll(work / "fold.tags")
    return tagged


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=SPLITS, default="dev")
    ap.add_argument("--work", required=True, type=pathlib.Path)
    ap.add_argument("--shared", type=pathlib.Path, default=HERE.parent.parent.parent / "shared")
    ap.add_argument("--build", type=pathlib.Path, default=HERE.parent.parent / "build")
    a = ap.parse_args()
    gold = read_conll(a.shared / "ner" / "anercorp" / "train.txt")
    split = a.work / a.split
    split.mkdir(parents=True, exist_ok=True)
    for name, part in zip(("train", "test"), SPLITS[a.split]):
        write_conll(split / f"{name}.txt", [gold[i] for i in part])
        tag(a.build, split / f"{name}.txt", "/nonexistent", split / f"{name}.rules")
    write_conll(split / "train.model", out_of_fold(a.build, split, read_conll(split / "train.txt")))
    train(a.build, split / "train.txt", split / "whole.model")
    tag(a.build, split / "test.txt", split / "whole.model", split / "test.model")


if __name__ == "__main__":
    main()
