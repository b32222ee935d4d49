#!/usr/bin/env bash
# CI smoke run of the benchmark harness: the first 20,000 ANT articles, one run,
# only the peers already installed that are quick to run (xapian-python,
# xapian-omindex, Lucene if Java is there). Nothing is installed. Then sanity
# checks on the results; the last line is "N passed, N failed".
# Skipped (exit 0) when ../shared/corpora/ant is absent; failed under CI (CI=true).
# usage: bench/smoke.sh            env: WORK (scratch dir), BIN_DIR, SMOKE_LIMIT (20000)
set -uo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$BENCH")
SHARED=$(cd "$REPO/.." && pwd)/shared
LIMIT=${SMOKE_LIMIT:-20000}
WORK=${WORK:-${TMPDIR:-/tmp}/akhbar-bench-smoke}
OUT=$WORK/smoke-results.json

if [ ! -d "$SHARED/corpora/ant" ]; then
  if [ "${CI:-}" = true ]; then  # under CI the corpus must be there
    echo "bench smoke: $SHARED/corpora/ant not found under CI"
    echo "0 passed, 1 failed"
    exit 1
  fi
  echo "bench smoke: $SHARED/corpora/ant not found, skipped"
  echo "0 passed, 0 failed, 1 skipped"
  exit 0
fi

peers=()
/usr/bin/python3 -c 'import xapian' 2>/dev/null && peers+=(xapian-python)
command -v omindex >/dev/null && command -v quest >/dev/null && peers+=(xapian-omindex)
command -v javac >/dev/null && [ -f /usr/share/java/lucene-core-8.7.0.jar ] && peers+=(lucene)
list=$(IFS=,; echo "${peers[*]:-none}")
echo "bench smoke: $LIMIT ANT articles, peers: $list"

mkdir -p "$WORK"
rm -f "$OUT"
start=$(date +%s)
timeout 900 python3 "$BENCH/run.py" --corpus "$SHARED/corpora/ant" --limit "$LIMIT" --runs 1 \
  --peers "$list" --no-install --work "$WORK" --out "$OUT" --bin-dir "${BIN_DIR:-$REPO/build}"
status=$?
echo "bench smoke: run.py exit $status after $(( $(date +%s) - start )) s"

python3 - "$OUT" "$status" "$list" <<'PY'
import json, sys
out, status, peers = sys.argv[1], int(sys.argv[2]), [p for p in sys.argv[3].split(",") if p != "none"]
checks = []
def check(name, ok):
    checks.append(ok)
    print(("ok    " if ok else "FAIL  ") + name)
check("run.py exited 0", status == 0)
try:
    r = json.load(open(out, encoding="utf-8"))
except (OSError, ValueError) as e:
    check(f"results JSON readable ({e})", False)
    r = None
if r:
    n = r["corpus"]["articles"]
    a = r["engines"]["akhbar"]
    idx = a["runs"][0]["index"] if a.get("runs") else {}
    check(f"akhbar indexed all {n} articles (got {idx.get('docs_indexed')})", idx.get("docs_indexed") == n)
    check("akhbar index compacted, size > 0", (idx.get("index_bytes") or 0) > 0)
    for mode in ("median_ids", "median_plain", "median_facets"):
        m = a.get(mode, {})
        check(f"akhbar {mode} latencies > 0", all((m.get(k) or 0) > 0 for k in ("p50_ms", "p95_ms", "p99_ms")))
    im, ia = a.get("median_ids_match", {}), a.get("median_ids", {})
    check("akhbar ids p50 until read > 0 and within the whole search's",
          0 < (im.get("p50_ms") or 0) <= (ia.get("p50_ms") or 0))
    fl = a["runs"][0].get("floor", {}) if a.get("runs") else {}
    check(f"xapian floor wrote all {n} articles ({fl.get('error', 'ok')})",
          (fl.get("write") or {}).get("docs") == n and (fl["write"].get("articles_per_s") or 0) > 0)
    check("xapian floor ranked every query, p50 > 0",
          (fl.get("rank") or {}).get("answered") == sum(r["corpus"]["latency_queries"].values())
          and ((fl.get("rank") or {}).get("p50") or 0) > 0)
    mrr = (a.get("relevance") or {}).get("metrics", {}).get("mrr@10")
    check(f"akhbar MRR@10 computed ({mrr})", mrr is not None and 0 < mrr <= 1)
    for p in peers:
        e = r["engines"].get(p, {})
        if e.get("skipped"):
            check(f"{p} ran ({e['skipped']})", False)
            continue
        mrr = (e.get("relevance") or {}).get("metrics", {}).get("mrr@10")
        check(f"{p} MRR@10 computed ({mrr})", mrr is not None and 0 < mrr <= 1)
        m = e.get("median", {})
        check(f"{p} latencies > 0", all((m.get(k) or 0) > 0 for k in ("p50_ms", "p99_ms")))
        check(f"{p} articles/s > 0", (m.get("articles_per_s") or 0) > 0)
passed = sum(checks)
print(f"{passed} passed, {len(checks) - passed} failed")
sys.exit(0 if passed == len(checks) else 1)
PY
