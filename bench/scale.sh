#!/usr/bin/env bash
# Akhbar on a SYNTHETIC archive of N articles built from ANT (default 1,000,000):
# generate it (once), index it, xapian-compact it, time queries with all facets on.
# NOT run in CI (about an hour and ~10 GB of disk for 1M on 2 cores).
# usage: bench/scale.sh [N=1000000]      env: WORK (scratch), BIN_DIR (akhbar binaries), INDEX_ARGS, OUT (results JSON)
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$BENCH")
SHARED=$(cd "$REPO/.." && pwd)/shared
N=${1:-1000000}
WORK=${WORK:-${TMPDIR:-/tmp}/akhbar-bench/scale-$N}
ARCHIVE=$WORK/synthetic-$N.jsonl.gz
[ -d "$SHARED/corpora/ant" ] || { echo "scale: $SHARED/corpora/ant not found: nothing to build from" >&2; exit 2; }
mkdir -p "$WORK"
echo "scale: this run uses a SYNTHETIC archive (sentences of ANT reshuffled within categories)."
[ -s "$ARCHIVE" ] || python3 "$BENCH/gen_synthetic.py" --corpus "$SHARED/corpora/ant" --n "$N" --out "$ARCHIVE"
# Queries: the mixed latency set, drawn from the synthetic archive itself (so filters hit its dates).
[ -s "$WORK/queries/latency.tsv" ] ||
  python3 "$BENCH/prepare_corpus.py" --corpus "$ARCHIVE" --out "$WORK/queries" --limit 50000 --no-docs >/dev/null
python3 "$BENCH/scale.py" --jsonl "$ARCHIVE" --queries "$WORK/queries/latency.tsv" --work "$WORK" \
  --bin-dir "${BIN_DIR:-$REPO/build}" --index-args "${INDEX_ARGS:-}" \
  --out "${OUT:-$BENCH/results/$(date +%F)-scale-synthetic-$N.json}"
