"""Linear-chain CRF over a tagger's emission scores (PyTorch)."""

import torch
import torch.nn as nn


class Crf(nn.Module):
    """Transition, start and end scores of N tags; the loss of a batch, the best path of one
    sentence."""

    def __init__(self, n):
        super().__init__()
        self.trans = nn.Parameter(torch.zeros(n, n))  # trans[a, b]: tag a followed by b
        self.start = nn.Parameter(torch.zeros(n))
        self.end = nn.Parameter(torch.zeros(n))

    def nll(self, em, tags, mask):
        """Summed negative log-likelihood of the gold tags. em: batch x length x N; tags, mask:
        batch x length; each row's mask is a prefix of at least one True."""
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
        """The best tag sequence of one sentence. em: length x N."""
        score, back = self.start + em[0], []
        for t in range(1, em.shape[0]):
            best, arg = (score.unsqueeze(1) + self.trans).max(0)
            score = best + em[t]
            back.append(arg)
        path = [int((score + self.end).argmax())]
        for arg in reversed(back):
            path.append(int(arg[path[-1]]))
        return path[::-1]
