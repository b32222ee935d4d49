#!/usr/bin/env bash
# The hostile pass: each of Akhbar's tools run as a careless or malicious
# user would, against a table of cases with the answer each must give.
#
#   tests/hostile_pass.sh BIN_DIR [--no-memory-limit]
#
# Every case runs under `timeout` and, unless --no-memory-limit (sanitizer
# builds reserve more address space than any sane limit), `ulimit -v`. A case
# fails on an exit status of 128 or more, on "terminate called" or a
# sanitizer report, on a timeout, on an exit status other than the one
# stated, or when its output does not match. The table grows with every bug
# found: one `case_` line each, grouped by class.
set -uo pipefail

bin=${1:?usage: hostile_pass.sh BIN_DIR [--no-memory-limit]}
bin=$(cd "$bin" && pwd)
memory_limit_kb=$((3 * 1024 * 1024))
[ "${2:-}" = --no-memory-limit ] && memory_limit_kb=unlimited
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 2

index="$bin/akhbar-index --no-progress"
search="$bin/akhbar-search"
tag="$bin/akhbar-tag"
passed=0
failed=0

# case_ NAME STATUS [CHECK...] -- COMMAND
# CHECK: out~RE / err~RE (output matches the extended regex RE),
#        out!~RE / err!~RE (does not), lines=N (stdout has N lines).
# COMMAND is one shell string, run by bash in the work directory.
case_() {
  local name=$1 want=$2
  shift 2
  local checks=()
  while [ "$1" != -- ]; do checks+=("$1"); shift; done
  shift
  local status
  (ulimit -v "$memory_limit_kb"; exec timeout -k 5 60 bash -c "$1") >out.txt 2>err.txt
  status=$?
  local why=""
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then why="timed out"
  elif [ "$status" -ge 128 ]; then why="died with status $status"
  elif grep -qE 'terminate called|AddressSanitizer|runtime error:|LeakSanitizer' err.txt; then why="aborted or sanitizer report"
  elif [ "$status" -ne "$want" ]; then why="exit status $status, expected $want"
  fi
  local c
  for c in "${checks[@]}"; do
    [ -n "$why" ] && break
    case $c in
      out~*) grep -qE -- "${c#out~}" out.txt || why="stdout does not match /${c#out~}/" ;;
      err~*) grep -qE -- "${c#err~}" err.txt || why="stderr does not match /${c#err~}/" ;;
      out!~*) grep -qE -- "${c#out!~}" out.txt && why="stdout matches /${c#out!~}/" ;;
      err!~*) grep -qE -- "${c#err!~}" err.txt && why="stderr matches /${c#err!~}/" ;;
      lines=*) [ "$(wc -l <out.txt)" -eq "${c#lines=}" ] || why="stdout has $(wc -l <out.txt) lines, expected ${c#lines=}" ;;
      *) why="unknown check '$c'" ;;
    esac
  done
  if [ -n "$why" ]; then
    failed=$((failed + 1))
    echo "FAIL  $name: $why"
    echo "      \$ $1"
    head -c 600 err.txt | sed 's/^/      stderr: /'
  else
    passed=$((passed + 1))
    echo "ok    $name"
  fi
}

# --- Fixtures: the sample archive, and inputs a hostile user would give.
mkdir -p db-parent
$index --db sample "$src/corpus/sample.jsonl" >/dev/null 2>&1 || { echo "cannot index the sample"; exit 2; }
db="--db $work/sample"
printf 'سوريا\n(((\nدمشق\n' >queries.txt
mkdir -p dir-of-things
printf '{"id":"g1","title":"خبر","body":"نص عن دمشق"}\n' >good.jsonl

echo "== wrong answers reported as success"
case_ "an inverted date range is refused" 2 'err~--from 2018-06-01 is after --to 2018-01-31' -- \
  "$search $db --from 2018-06 --to 2018-01 سوريا"
case_ "an inverted event range is refused" 2 'err~--event-from .* is after --event-to' -- \
  "$search $db --event-from 2018-06 --event-to 2018-01 سوريا"
case_ "a lone excluded word finds the articles without it" 0 'out~"total":44[,}]' 'out!~akh-0001' -- \
  "$search $db --json --no-facets -- -سوريا"
case_ "two excluded words find the articles with neither" 0 'out!~"akh-0001"' 'out~every article except' -- \
  "$search $db --json --no-facets -- '-قطر -سوريا'"
case_ "an excluded word in a batch line means the same" 0 'out~"total":44[,}]' -- \
  "printf -- '-سوريا\n' | $search $db --batch - --no-facets"
case_ "an offset past 32 bits is refused, not wrapped" 2 'err~--offset must be a whole number' -- \
  "$search $db --offset 4294967296 سوريا"
case_ "a negative offset is refused" 2 'err~--offset must be a whole number' -- "$search $db --offset -1 سوريا"
case_ "an empty actor is refused" 2 "err~--actor wants a name, got ''" -- "$search $db --actor '' سوريا"
case_ "a blank actor is refused" 2 'err~--actor wants a name' -- "$search $db --actor ' ' سوريا"
case_ "a punctuation actor is refused" 2 'err~--actor wants a name' -- "$search $db --actor '!!!' سوريا"
case_ "an empty place is refused" 2 'err~--place wants a name' -- "$search $db --place '' سوريا"
case_ "a database named twice counts once" 0 'out~"total":7[,}]' -- \
  "$search $db $db --json --no-facets سوريا"
case_ "a database named twice by another path counts once" 0 'out~"total":7[,}]' -- \
  "$search $db --db $work/./sample/ --json --no-facets سوريا"
case_ "results that cannot be written are an error" 2 'err~cannot write the results: No space left' -- \
  "$search $db سوريا >/dev/full"
case_ "JSON that cannot be written is an error" 2 'err~cannot write the results' -- \
  "$search $db --json سوريا >/dev/full"
case_ "a batch that cannot be written is an error" 2 'err~cannot write the results' -- \
  "$search $db --batch queries.txt >/dev/full"
case_ "a closed standard output is an error" 2 'err~standard output is closed' -- "$search $db سوريا >&-"
case_ "a reader that leaves early ends the run quietly" 0 'err!~.' -- \
  "$search $db --json سوريا | head -c 1 >/dev/null; exit \${PIPESTATUS[0]}"

echo "== hangs and runaway work"
case_ "batch from a closed standard input is refused" 2 'err~standard input is closed' lines=0 -- \
  "$search $db --batch - <&-"
case_ "a batch line longer than the cap is refused, the batch goes on" 1 lines=2 'out~"error":"the query is longer' \
  'out~"query":"دمشق"' 'err~-:1: the query is longer than 8192 bytes' -- \
  "{ head -c 1000000 /dev/zero | tr '\0' 'x'; printf '\\nدمشق\\n'; } | $search $db --batch - --no-facets"
case_ "a 5 MB batch line without end is refused within the memory limit" 1 lines=1 -- \
  "head -c 5000000 /dev/zero | tr '\0' 'x' | $search $db --batch -"
case_ "a query at the cap is answered" 0 'out~"total"' -- \
  "$search $db --json --no-facets -- \"\$(head -c 8192 /dev/zero | tr '\0' 'x')\""
case_ "a query over the cap is refused" 2 'err~the most a query may have' -- \
  "$search $db --json -- \"\$(head -c 8193 /dev/zero | tr '\0' 'x')\""

echo "== aborts"
case_ "a negative facet limit is refused" 2 'err~--facet-limit must be a whole number' -- \
  "$search $db --facet-limit -5 سوريا"
case_ "a query of brackets is refused, never every article" 2 'err~has no word to search for' -- "$search $db '((('"
case_ "a lone operator is refused" 2 'err~has no word to search for' -- "$search $db OR"
case_ "a damaged database gives one line, no abort" 2 'err~akhbar-search: ' lines=0 -- \
  "cp -r $work/sample damaged && python3 -c \"
p='damaged/postlist.glass'; b=bytearray(open(p,'rb').read())
for k in range(0, len(b), 97): b[k] ^= 0xff
open(p,'wb').write(b)\" && $search --db damaged --json سوريا"

echo "== quiet skips and misleading errors"
case_ "a batch file that is a directory is refused" 2 'err~is a directory' -- "$search $db --batch dir-of-things"
case_ "a batch file that cannot be read is refused" 2 'err~cannot read' -- "$search $db --batch no-such-file"
case_ "a dangling operator is read and said" 0 'out~"total":7[,}]' 'out~operators with nothing to join' -- \
  "$search $db --json --no-facets 'سوريا OR'"
case_ "an empty field prefix is read and said" 0 'out~"total":3[,}]' "out~read 'title: …' as title:سوريا" -- \
  "$search $db --json --no-facets 'title: سوريا'"
case_ "a failed batch line answers with its error and the batch goes on" 1 lines=3 \
  'out~"error":"the query .\(\(\(. has no word' 'err~queries.txt:2: ' -- "$search $db --batch queries.txt"
case_ "a missing database is one line" 2 'err~no database at' -- "$search --db no-such-db سوريا"

echo "== the indexer and the tagger"
case_ "negative threads are refused" 2 "err~--threads must be a whole number from 0 to 256, got '-1'" -- \
  "$index --db idx-threads --threads -1 good.jsonl"
case_ "absurd threads are refused" 2 'err~--threads must be a whole number' -- "$index --db idx-threads --threads 40000 good.jsonl"
case_ "a negative commit interval is refused and leaves nothing behind" 2 'err~--commit-every must be a whole number' -- \
  "$index --db idx-commit --commit-every -1 good.jsonl; s=\$?; ls -d idx-commit* 2>/dev/null && exit 99; exit \$s"
case_ "a negative body cap is refused" 2 'err~--max-body-bytes must be a whole number' -- \
  "$index --db idx-cap --max-body-bytes -1 good.jsonl"
case_ "a gzip member inflating to 300 MB stays within memory, the good article is kept" 1 'err~bomb.jsonl.gz' \
  'err~indexed 1 ' -- "head -c 300000000 /dev/zero | gzip -1 >bomb.jsonl.gz; $index --db idx-bomb --format jsonl bomb.jsonl.gz good.jsonl"
case_ "an entry of an input folder that cannot be read is said, exit 1" 1 'err~in/broken: cannot read' 'err~indexed 1 ' -- \
  "mkdir -p in && cp good.jsonl in/ && ln -sf /nonexistent in/broken && $index --db idx-folder in"
case_ "a stub naming an in-memory database is refused" 2 'err~not a stub file' -- \
  "echo inmemory >mem.stub; $index --db mem.stub good.jsonl"
case_ "the tagger refuses a directory as CoNLL input" 2 'err~is a directory, not a CoNLL file' -- "$tag --conll dir-of-things"
case_ "the tagger refuses a directory as gazetteer" 2 'err~is a directory, not a gazetteer file' -- \
  "printf 'دمشق\\n' >one.conll; $tag --conll one.conll --gazetteer dir-of-things"
case_ "the tagger refuses a binary gazetteer" 2 'err~not a gazetteer file' -- "$tag --conll one.conll --gazetteer $tag"
case_ "tags that cannot be written are an error" 2 'err~cannot write' -- "$tag --conll one.conll >/dev/full"
case_ "the searcher refuses a directory as gazetteer" 2 'err~is a directory, not a gazetteer file' -- \
  "$search $db --gazetteer dir-of-things سوريا"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
