#!/usr/bin/env python3
"""Trial of a neural entity tagger over the inputs prepare.py writes (not Akhbar's tagger).

A BiLSTM-CRF in PyTorch (Debian python3-torch; network.py, crf.py): each token is its fastText
vector (fixed), a convolution over its letters, and an embedding of the tag that Akhbar's rules
and Akhbar's model give it (--inputs rules,model; the model's tags of the training part are out
of fold). Trains on WORK/SPLIT/train.txt (batches of 16 sentences, Adam at 1e-3, gradients
clipped at 5, dropout 0.5) for --epochs, tags WORK/SPLIT/test.txt sentence by sentence and
writes the tags to --out, to be scored with scripts/eval_ner.py --gold WORK/SPLIT/test.txt.
Other types than LOC, PERS and ORG count as O. One thread; the same seed gives the same tags.
"""

import argparse
import pathlib
import random
import sys
import time

import torch
import torch.nn as nn

from network import TAGS, Tagger
from words import normalize

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent.parent / "scripts"))
from eval_ner import read_conll  # noqa: E402

TAG_ID = {t: i for i, t in enumerate(TAGS)}
MAX_LETTERS = 20
BATCH = 16


def read_vectors(path):
    """Word -> row, and the rows (0 padding and 1 unknown are zero)."""
    with open(path, encoding="utf-8") as f:
        _, dim = map(int, f.readline().split())
        rows = [line.rstrip().split(" ") for line in f]
    rows = [r for r in rows if len(r) == dim + 1]
    index = {r[0]: i + 2 for i, r in enumerate(rows)}
    matrix = torch.zeros(len(rows) + 2, dim)
    matrix[2:] = torch.tensor([[float(x) for x in r[1:]] for r in rows])
    return index, matrix


def encode(sentences, inputs, words, letters):
    """Each sentence as (word ids, letter ids per word, gold tag ids, input tag ids); the input
    tags must be of the same tokens."""
    if any(len(tagged) != len(sentences) for tagged in inputs):
        raise SystemExit("the input tags do not have as many sentences as the gold file")
    out = []
    for k, s in enumerate(sentences):
        if any([w for w, _ in tagged[k]] != [w for w, _ in s] for tagged in inputs):
            raise SystemExit(f"sentence {k + 1}: the input tags are not of the gold tokens")
        forms = [normalize(w) for w, _ in s]
        out.append(([words.get(f, 1) for f in forms],
                    [[letters.get(c, 1) for c in f[:MAX_LETTERS]] or [1] for f in forms],
                    [TAG_ID.get(t, 0) for _, t in s],
                    [[TAG_ID.get(t, 0) for _, t in tagged[k]] for tagged in inputs]))
    return out


def pad(items):
    """Tensors of a batch, padded with id 0; returns words, letters, gold, mask, input tags,
    lengths."""
    n, k = max(len(x[0]) for x in items), max(len(c) for x in items for c in x[1])
    words, gold = (torch.zeros(len(items), n, dtype=torch.long) for _ in range(2))
    letters = torch.zeros(len(items), n, k, dtype=torch.long)
    extra = [torch.zeros(len(items), n, dtype=torch.long) for _ in items[0][3]]
    for i, (w, c, g, e) in enumerate(items):
        words[i, :len(w)], gold[i, :len(w)] = torch.tensor(w), torch.tensor(g)
        for j, cc in enumerate(c):
            letters[i, j, :len(cc)] = torch.tensor(cc)
        for t, ee in zip(extra, e):
            t[i, :len(w)] = torch.tensor(ee)
    lengths = torch.tensor([len(x[0]) for x in items])
    mask = torch.arange(n).unsqueeze(0) < lengths.unsqueeze(1)
    return words, letters, gold, mask, extra, lengths


def train(model, data, epochs):
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.Adam(params, lr=1e-3)
    for epoch in range(epochs):
        model.train()
        order = sorted(range(len(data)), key=lambda i: len(data[i][0]) // 8 + random.random())
        batches = [order[i:i + BATCH] for i in range(0, len(order), BATCH)]
        random.shuffle(batches)
        total, t0 = 0.0, time.time()
        for b in batches:
            words, letters, gold, mask, extra, lengths = pad([data[i] for i in b])
            em = model.emissions(words, letters, extra, lengths)
            loss = model.crf.nll(em, gold, mask) / len(b)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            total += float(loss) * len(b)
        print(f"epoch {epoch + 1}: loss {total / len(data):.3f}, {time.time() - t0:.0f} s", flush=True)


def tag(model, sentences, data, out):
    model.eval()
    with torch.no_grad(), open(out, "w", encoding="utf-8") as f:
        for s, x in zip(sentences, data):
            words, letters, _, _, extra, lengths = pad([x])
            best = model.crf.viterbi(model.emissions(words, letters, extra, lengths)[0])
            f.writelines(f"{token} {TAGS[t]}\n" for (token, _), t in zip(s, best))
            f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=pathlib.Path, required=True)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--inputs", default="rules,model", help="tags given as input: rules, model, both or none")
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=pathlib.Path, required=True)
    a = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(a.seed)
    random.seed(a.seed)
    split, inputs = a.work / a.split, [i for i in a.inputs.split(",") if i and i != "none"]
    train_s, test_s = read_conll(split / "train.txt"), read_conll(split / "test.txt")
    words, vectors = read_vectors(a.work / "vectors.vec")
    letters = {}
    for c in (c for s in train_s for w, _ in s for c in normalize(w)):
        letters.setdefault(c, len(letters) + 2)  # 0 padding, 1 unknown
    data = encode(train_s, [read_conll(split / f"train.{i}") for i in inputs], words, letters)
    test = encode(test_s, [read_conll(split / f"test.{i}") for i in inputs], words, letters)
    model = Tagger(vectors, len(letters) + 2, len(inputs), a.hidden)
    train(model, data, a.epochs)
    tag(model, test_s, test, a.out)


if __name__ == "__main__":
    main()
