#!/usr/bin/env python3
"""Trial of a neural entity tagger over the inputs prepare.py writes (not Akhbar's tagger).

A BiLSTM-CRF in PyTorch (Debian python3-torch): each token is its fastText vector (fixed), a
convolution over its letters, and an embedding of the tag that Akhbar's rules and Akhbar's
model give it (--inputs rules,model; the model's tags of the training part are out of fold).
Trains on WORK/SPLIT/train.txt for --epochs, tags WORK/SPLIT/test.txt sentence by sentence
and writes the tags to --out, to be scored with scripts/eval_ner.py --gold WORK/SPLIT/test.txt.
One thread; the same seed gives the same tags.

--speed HIDDEN prints the tokens per second of the forward pass of an untrained tagger of that
size, in batches of 64 sentences of 32 tokens, on one thread (the CRF's Viterbi is not timed).
"""

import argparse
import pathlib
import random
import sys
import time

import torch
import torch.nn as nn

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "scripts"))
from eval_ner import read_conll  # noqa: E402
from words import normalize  # noqa: E402

TAGS = ["O", "B-LOC", "I-LOC", "B-PERS", "I-PERS", "B-ORG", "I-ORG"]
TAG_ID = {t: i for i, t in enumerate(TAGS)}  # other types (MISC) count as O
MAX_LETTERS = 20
BATCH = 16


class Crf(nn.Module):
    """Linear-chain CRF: negative log-likelihood of a batch, Viterbi of one sentence."""

    def __init__(self, n):
        super().__init__()
        self.trans = nn.Parameter(torch.zeros(n, n))  # trans[a, b]: tag a followed by b
        self.start = nn.Parameter(torch.zeros(n))
        self.end = nn.Parameter(torch.zeros(n))

    def nll(self, em, tags, mask):
        gold = self.start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
        alpha = self.start + em[:, 0]
        for t in range(1, em.shape[1]):
            on = mask[:, t]
            step = self.trans[tags[:, t - 1], tags[:, t]] + em[:, t].gather(1, tags[:, t:t + 1]).squeeze(1)
            gold = gold + step * on
            nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans + em[:, t].unsqueeze(1), dim=1)
            alpha = torch.where(on.unsqueeze(1), nxt, alpha)
        last = tags.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
        return (torch.logsumexp(alpha + self.end, dim=1) - gold - self.end[last]).sum()

    def viterbi(self, em):
        score, back = self.start + em[0], []
        for t in range(1, em.shape[0]):
            best, arg = (score.unsqueeze(1) + self.trans).max(0)
            score = best + em[t]
            back.append(arg)
        path = [int((score + self.end).argmax())]
        for arg in reversed(back):
            path.append(int(arg[path[-1]]))
        return path[::-1]


class Tagger(nn.Module):
    def __init__(self, vectors, letters, inputs, hidden):
        super().__init__()
        self.words = nn.Embedding.from_pretrained(vectors, freeze=True)
        self.letters = nn.Embedding(letters, 30, padding_idx=0)
        self.conv = nn.Conv1d(30, 50, 3, padding=1)
        self.tags_in = nn.ModuleList([nn.Embedding(len(TAGS), 12) for _ in range(inputs)])
        self.drop = nn.Dropout(0.5)
        self.lstm = nn.LSTM(vectors.shape[1] + 50 + 12 * inputs, hidden, batch_first=True,
                            bidirectional=True)
        self.out = nn.Linear(2 * hidden, len(TAGS))
        self.crf = Crf(len(TAGS))

    def emissions(self, words, letters, tags_in):
        b, n, k = letters.shape
        shape = self.letters(letters.view(b * n, k)).transpose(1, 2)
        shape = torch.relu(self.conv(shape)).max(2).values.view(b, n, -1)
        x = torch.cat([self.words(words), shape] + [e(t) for e, t in zip(self.tags_in, tags_in)], 2)
        h, _ = self.lstm(self.drop(x))
        return self.out(self.drop(h))


def read_vectors(path):
    with open(path, encoding="utf-8") as f:
        _, dim = map(int, f.readline().split())
        rows = [line.rstrip().split(" ") for line in f]
    rows = [r for r in rows if len(r) == dim + 1]
    index = {r[0]: i + 2 for i, r in enumerate(rows)}  # 0 padding, 1 unknown
    matrix = torch.zeros(len(rows) + 2, dim)
    matrix[2:] = torch.tensor([[float(x) for x in r[1:]] for r in rows])
    return index, matrix


def encode(sentences, inputs, words, letters):
    """Each sentence as (word ids, letter ids per word, gold tag ids, input tag ids)."""
    out = []
    for k, s in enumerate(sentences):
        forms = [normalize(w) for w, _ in s]
        extra = [[TAG_ID.get(t, 0) for _, t in tagged[k]] for tagged in inputs]
        if any(len(e) != len(s) for e in extra):
            raise SystemExit(f"sentence {k + 1}: the input tags do not align with the tokens")
        out.append(([words.get(f, 1) for f in forms],
                    [[letters.get(c, 1) for c in f[:MAX_LETTERS]] or [1] for f in forms],
                    [TAG_ID.get(t, 0) for _, t in s], extra))
    return out


def pad(items):
    n = max(len(x[0]) for x in items)
    k = max(len(c) for x in items for c in x[1])
    words, gold = torch.zeros(len(items), n, dtype=torch.long), torch.zeros(len(items), n, dtype=torch.long)
    letters = torch.zeros(len(items), n, k, dtype=torch.long)
    mask = torch.zeros(len(items), n, dtype=torch.bool)
    extra = [torch.zeros(len(items), n, dtype=torch.long) for _ in items[0][3]]
    for i, (w, c, g, e) in enumerate(items):
        words[i, :len(w)], gold[i, :len(w)], mask[i, :len(w)] = torch.tensor(w), torch.tensor(g), True
        for j, cc in enumerate(c):
            letters[i, j, :len(cc)] = torch.tensor(cc)
        for t, ee in zip(extra, e):
            t[i, :len(w)] = torch.tensor(ee)
    return words, letters, gold, mask, extra


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
            words, letters, gold, mask, extra = pad([data[i] for i in b])
            loss = model.crf.nll(model.emissions(words, letters, extra), gold, mask) / len(b)
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
            words, letters, _, _, extra = pad([x])
            for (token, _), t in zip(s, model.crf.viterbi(model.emissions(words, letters, extra)[0])):
                f.write(f"{token} {TAGS[t]}\n")
            f.write("\n")


def speed(hidden):
    model = Tagger(torch.randn(100000, 100), 100, 2, hidden).eval()
    words, letters = torch.randint(2, 100000, (64, 32)), torch.randint(2, 100, (64, 32, 12))
    extra = [torch.randint(0, len(TAGS), (64, 32))] * 2
    with torch.no_grad():
        model.emissions(words, letters, extra)
        t0 = time.time()
        for _ in range(40):
            model.emissions(words, letters, extra)
    print(f"hidden {hidden}: {40 * 64 * 32 / (time.time() - t0):,.0f} tokens/s")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=pathlib.Path)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--inputs", default="rules,model", help="tags given as input: rules, model, both or none")
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=pathlib.Path)
    ap.add_argument("--speed", type=int, metavar="HIDDEN")
    a = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(a.seed)
    random.seed(a.seed)
    if a.speed:
        return speed(a.speed)
    split, inputs = a.work / a.split, [i for i in a.inputs.split(",") if i and i != "none"]
    train_s, test_s = read_conll(split / "train.txt"), read_conll(split / "test.txt")
    words, vectors = read_vectors(a.work / "vectors.vec")
    letters = {}
    for s in train_s:
        for w, _ in s:
            for c in normalize(w):
                letters.setdefault(c, len(letters) + 2)
    data = encode(train_s, [read_conll(split / f"train.{i}") for i in inputs], words, letters)
    test = encode(test_s, [read_conll(split / f"test.{i}") for i in inputs], words, letters)
    model = Tagger(vectors, len(letters) + 2, len(inputs), a.hidden)
    train(model, data, a.epochs)
    tag(model, test_s, test, a.out)


if __name__ == "__main__":
    main()
