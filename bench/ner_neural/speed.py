#!/usr/bin/env python3
"""Tokens per second of the trial network's forward pass (bench/ner_neural/network.py), untrained,
at a given LSTM size: batches of 64 sentences of 32 tokens, 12 letters a word, two input tag
sequences, one thread; the CRF's Viterbi is not timed.

Usage: /usr/bin/python3 bench/ner_neural/speed.py HIDDEN
"""

import sys
import time

import torch

from network import TAGS, Tagger


def main():
    if len(sys.argv) != 2 or not sys.argv[1].isdigit() or int(sys.argv[1]) == 0:
        raise SystemExit(__doc__)
    hidden = int(sys.argv[1])
    torch.set_num_threads(1)
    torch.manual_seed(1)
    model = Tagger(torch.randn(100000, 100), 100, 2, hidden).eval()
    words, letters = torch.randint(2, 100000, (64, 32)), torch.randint(2, 100, (64, 32, 12))
    tags_in, lengths = [torch.randint(0, len(TAGS), (64, 32))] * 2, torch.full((64,), 32)
    with torch.no_grad():
        model.emissions(words, letters, tags_in, lengths)
        t0 = time.time()
        for _ in range(40):
            model.emissions(words, letters, tags_in, lengths)
    print(f"hidden {hidden}: {40 * 64 * 32 / (time.time() - t0):,.0f} tokens/s")


if __name__ == "__main__":
    main()
