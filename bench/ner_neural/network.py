"""The trial's network: per token a fixed word vector, a convolution over its letters and
embeddings of input tags, a BiLSTM, then emission scores for a CRF over TAGS."""

import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from crf import Crf

TAGS = ["O", "B-LOC", "I-LOC", "B-PERS", "I-PERS", "B-ORG", "I-ORG"]
LETTER_DIM, FILTERS, TAG_DIM = 30, 50, 12


class Tagger(nn.Module):
    """vectors: the fixed word vectors (row 0 padding, row 1 unknown); letters: the size of
    the letter vocabulary (0 padding); inputs: how many input tag sequences; hidden: the LSTM
    size per direction."""

    def __init__(self, vectors, letters, inputs, hidden):
        super().__init__()
        self.words = nn.Embedding.from_pretrained(vectors, freeze=True)
        self.letters = nn.Embedding(letters, LETTER_DIM, padding_idx=0)
        self.conv = nn.Conv1d(LETTER_DIM, FILTERS, 3, padding=1)
        self.tags_in = nn.ModuleList([nn.Embedding(len(TAGS), TAG_DIM) for _ in range(inputs)])
        self.drop = nn.Dropout(0.5)
        self.lstm = nn.LSTM(vectors.shape[1] + FILTERS + TAG_DIM * inputs, hidden,
                            batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, len(TAGS))
        self.crf = Crf(len(TAGS))

    def shapes(self, letters):
        """Max-pooled letter convolution; padded letters (id 0) never win the pool.
        letters: batch x length x letters; returns batch x length x FILTERS."""
        b, n, k = letters.shape
        flat = letters.view(b * n, k)
        conv = torch.relu(self.conv(self.letters(flat).transpose(1, 2)))
        conv = conv.masked_fill((flat == 0).unsqueeze(1), 0.0)  # exact: relu is never below 0
        return conv.max(2).values.view(b, n, -1)

    def emissions(self, words, letters, tags_in, lengths):
        """Scores of each tag. words: batch x length; tags_in: list of batch x length;
        lengths: the real length of each row (the rest is padding, which the LSTM skips)."""
        x = torch.cat([self.words(words), self.shapes(letters)] +
                      [e(t) for e, t in zip(self.tags_in, tags_in)], 2)
        packed = pack_padded_sequence(self.drop(x), lengths.cpu(), batch_first=True,
                                      enforce_sorted=False)
        h, _ = pad_packed_sequence(self.lstm(packed)[0], batch_first=True,
                                   total_length=words.shape[1])
        return self.out(self.drop(h))
