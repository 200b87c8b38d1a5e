#!/usr/bin/env bash
# Compares two factlint binaries' output, byte for byte, on the seed article,
# the bundled examples, the test fixtures (with and without their own
# configuration) and a generated corpus, in every output format; and the
# rule self-tests. A refactoring must leave all of it unchanged.
#
# usage: bash bench/same-output.sh OLD_BINARY NEW_BINARY [SIZE_MB]   (default 100)
set -uo pipefail
cd "$(dirname "$0")/.."
old=$(realpath "$1") new=$(realpath "$2") size=${3:-100}
corpus=bench/out/corpus-${size}mb
[ -d "$corpus" ] || python3 bench/gen_corpus.py "$size" "$corpus" > /dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Undated documents are judged at today's date: both runs see the same day.
export NO_COLOR=1
fails=0
compare() { # NAME DIR ARGS...
  local name=$1 dir=$2; shift 2
  (cd "$dir" && "$old" "$@" > "$out/a" 2>&1; echo "exit $?" >> "$out/a")
  (cd "$dir" && "$new" "$@" > "$out/b" 2>&1; echo "exit $?" >> "$out/b")
  if cmp -s "$out/a" "$out/b"; then
    printf 'same     %-40s %9d bytes\n' "$name" "$(wc -c < "$out/a")"
  else
    printf 'DIFFERS  %s\n' "$name"
    diff "$out/a" "$out/b" | head -20
    fails=$((fails + 1))
  fi
}
seed=$(realpath ../shared/examples/seed-article.txt)
here=$(pwd)
for f in json sarif compact github human; do
  compare "seed ($f)" . check --format "$f" --fail-on never "$seed"
  compare "examples ($f)" . check --format "$f" --fail-on never examples/
  compare "fixtures ($f)" . check --format "$f" --fail-on never tests/fixtures
  compare "content repo, its config ($f)" tests/fixtures/content-repo check --format "$f" --fail-on never .
done
compare "corpus ${size} MB (json)" . check --format json --fail-on never "$corpus"
compare "corpus ${size} MB (sarif)" . check --format sarif --fail-on never "$corpus"
compare "rule self-tests" . test rules/
compare "rules list" . rules
compare "explain claim.stale-title" . explain claim.stale-title
compare "facts Damascus" . facts Damascus
echo "$fails differing"
[ "$fails" -eq 0 ]
