#!/usr/bin/env bash
# Installing Akhbar: `cmake --install` into a prefix, and the .deb that
# `cpack -G DEB` makes, each give working tools that find their own data
# (../share/akhbar beside the executable), with man pages and completion.
#   tests/install_test.sh BUILD_DIR
set -uo pipefail
build=$(cd "${1:?usage: install_test.sh BUILD_DIR}" && pwd)
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() {  # check NAME COMMAND...
  local name=$1
  shift
  if "$@" >"$work/out" 2>&1; then
    passed=$((passed + 1)); echo "ok    $name"
  else
    failed=$((failed + 1)); echo "FAIL  $name"; sed 's/^/      /' "$work/out" | head -20
  fi
}
# The tools of a prefix, moved away from where they were put: they must
# find the data beside them, index the sample with entities and search it.
works_from() {
  local prefix=$1
  unset AKHBAR_DATA_DIR AKHBAR_NER_MODEL
  "$prefix/bin/akhbar-search" --version | grep -qx "data: $prefix/share/akhbar" || {
    echo "data not found beside the executable:"; "$prefix/bin/akhbar-search" --version; return 1; }
  local db=$prefix.db
  "$prefix/bin/akhbar-index" --no-progress --db "$db" "$src/corpus/sample.jsonl" 2>&1 |
    grep -q "indexed 51" || return 1
  "$prefix/bin/akhbar-search" --db "$db" --json --place Damascus '' | grep -q '"total":[1-9]' || return 1
  printf 'قال\nالرئيس\nالسوري\nبشار\nالأسد\n' | "$prefix/bin/akhbar-tag" --conll - | grep -q 'B-PERS' || return 1
}

check "cmake --install puts tools, data, man pages and completion in the prefix" bash -c "
  cmake --install '$build' --prefix '$work/prefix' >/dev/null &&
  for f in bin/akhbar-index bin/akhbar-search bin/akhbar-tag share/akhbar/gazetteer/places.tsv \
           share/akhbar/ner/anercorp.model share/man/man1/akhbar-search.1 share/man/man1/akhbar-index.1 \
           share/man/man1/akhbar-tag.1 share/bash-completion/completions/akhbar-search \
           share/bash-completion/completions/akhbar-index; do
    test -e '$work/prefix/'\$f || { echo missing \$f; exit 1; }
  done"
mv "$work/prefix" "$work/moved"
check "the installed tools work from wherever the prefix is moved" works_from "$work/moved"
check "the man page says the exit status and shows examples" bash -c \
  "man -l '$work/moved/share/man/man1/akhbar-search.1' 2>/dev/null | grep -q 'EXIT STATUS' &&
   man -l '$work/moved/share/man/man1/akhbar-search.1' 2>/dev/null | grep -q 'EXAMPLES'"
check "cpack makes akhbar_VERSION_ARCH.deb with its library dependencies" bash -c "
  cd '$build' && cpack -G DEB -B '$work/deb' >/dev/null && deb=\$(ls '$work'/deb/akhbar_*_*.deb) &&
  dpkg-deb -f \"\$deb\" Depends | grep -q libxapian && dpkg-deb -f \"\$deb\" Depends | grep -q libicu &&
  dpkg-deb -f \"\$deb\" Depends | grep -q libfribidi && dpkg-deb -f \"\$deb\" Depends | grep -q libreadline &&
  dpkg-deb -x \"\$deb\" '$work/root'"
check "the package's tools work from the unpacked package alone" works_from "$work/root/usr"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
