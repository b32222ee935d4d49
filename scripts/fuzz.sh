#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default
# 20) from a seed corpus made of the sample corpus. Crashes fail the run and
# leave the input in build-fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/.."
AKHBAR_WITH_CLANG=1 scripts/install-deps.sh
seconds=${SECONDS_PER_TARGET:-20}
targets="analysis date query stored reader_trec reader_jsonl reader_json reader_csv reader_text"
# The fuzz targets only: the rest of the tree is built and tested by test.sh.
CC=clang CXX=clang++ BUILD_DIR=build-fuzz BUILD_TARGETS="$(printf 'fuzz_%s ' $targets)" \
  scripts/build.sh -DAKHBAR_FUZZ=ON
seeds=build-fuzz/seeds
rm -rf "$seeds" && mkdir -p "$seeds"/{analysis,date,query,stored,trec,jsonl,json,csv,text} build-fuzz/crashes
head -c 4000 corpus/sample.jsonl > "$seeds/jsonl/sample"
head -n 3 corpus/sample.jsonl | python3 -c 'import sys,json; print(json.dumps([json.loads(l) for l in sys.stdin], ensure_ascii=False))' > "$seeds/json/sample"
head -n 3 corpus/sample.jsonl | python3 -c '
import sys, json, csv
w = csv.writer(sys.stdout); rows = [json.loads(l) for l in sys.stdin]
w.writerow(rows[0].keys()); [w.writerow(r.values()) for r in rows]' > "$seeds/csv/sample"
head -n 3 corpus/sample.jsonl | python3 -c '
import sys, json
for l in sys.stdin:
    a = json.loads(l)
    print("<DOC>\n<DOCNO>%s</DOCNO>\n<TITLE>%s</TITLE>\n<TIME>%s</TIME>\n<TEXT>\n%s\n</TEXT>\n</DOC>" % (a["id"], a["title"], a["date"], a["body"]))' > "$seeds/trec/sample"
head -n 1 corpus/sample.jsonl | python3 -c 'import sys,json; a=json.loads(sys.stdin.read()); print(a["title"]); print(a["body"])' | tee "$seeds/text/sample" > "$seeds/analysis/sample"
printf 'Fri, 23 Feb 2018 10:37:34 GMT' > "$seeds/date/rfc"; printf '23 شباط 2018' > "$seeds/date/ar"
printf '"قال محمد" OR title:قطر -الرياضة' > "$seeds/query/q"
printf '\x01\x03id1\x06\xd8\xb9\xd9\x86\xd9\x88\x00' > "$seeds/stored/binary"
printf '\xd3\x8b\x17\x01\x00\x01\x00\x04\x00\x01\x02\x03\x00\x02\x00\x01' > "$seeds/stored/facets"
printf '20180223' > "$seeds/stored/day"

export LSAN_OPTIONS=suppressions=$PWD/fuzz/lsan.supp
failed=0
for target in $targets; do
  seed_dir=$seeds/${target#reader_}
  echo "fuzz_$target: ${seconds}s"
  if ! build-fuzz/fuzz/fuzz_$target -max_total_time="$seconds" -max_len=65536 -timeout=10 \
       -rss_limit_mb=2048 -artifact_prefix=build-fuzz/crashes/$target- "$seed_dir" \
       > build-fuzz/fuzz_$target.log 2>&1; then
    echo "fuzz_$target FAILED; see build-fuzz/fuzz_$target.log"; tail -30 build-fuzz/fuzz_$target.log
    failed=$((failed + 1))
  else
    grep -E '^#[0-9]+.*DONE' build-fuzz/fuzz_$target.log | tail -1
  fi
done
echo "$((9 - failed)) passed, $failed failed"
[ $failed -eq 0 ]
