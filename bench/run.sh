#!/usr/bin/env bash
# The benchmark: builds the release binary, generates a Markdown corpus and
# rule packs, and reports throughput (MB/s, files/s), wall time and peak
# memory for the built-in rules and for 10 to 10,000 synthetic rules, with 1
# and 2 threads; the same with a profile-guided build (bench/pgo.sh); a
# `grep -F` reference over the same corpus and literal words; and the peers
# typos and proselint when they can be installed.
#
# usage: bash bench/run.sh [SIZE_MB]     (default 10; the targets speak of 100)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-10}
out=bench/out
peers=${FACTLINT_PEERS:-$out/peers}
mkdir -p "$out"
cargo build --release --quiet
bin=target/release/factlint
corpus="$out/corpus-${size}mb"
[ -d "$corpus" ] || python3 bench/gen_corpus.py "$size" "$corpus" > /dev/null
bytes=$(find "$corpus" -type f -name '*.md' -printf '%s\n' | awk '{s+=$1} END {print s}')
files=$(find "$corpus" -type f -name '*.md' | wc -l)
for n in 10 100 1000 10000; do
  [ -f "$out/rules-$n.yml" ] || python3 bench/gen_rules.py "$n" "$out/rules-$n.yml" ../shared/examples/seed-article.txt
done

# run LABEL THREADS CMD...: best wall time of 3, peak RSS, findings.
run() {
  local label=$1 threads=$2; shift 2
  local best=999999 rss=0 t
  for _ in 1 2 3; do
    RAYON_NUM_THREADS=$threads /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" > "$out/stdout.txt" 2> /dev/null || true
    read -r t r < "$out/time.txt"
    if awk "BEGIN {exit !($t < $best)}"; then best=$t; fi
    if [ "$r" -gt "$rss" ]; then rss=$r; fi
  done
  local lines
  lines=$(wc -l < "$out/stdout.txt")
  awk -v l="$label" -v th="$threads" -v t="$best" -v b="$bytes" -v f="$files" -v r="$rss" -v n="$lines" 'BEGIN {
    if (t < 0.001) t = 0.001;
    printf "%-30s %2s  %8.2f s  %8.1f MB/s  %9.0f files/s  %7.1f MB RSS  %8d lines out\n", l, th, t, b / 1e6 / t, f / t, r / 1024, n }'
}

echo "corpus: $corpus, $files files, $bytes bytes; $(nproc) cores; best of 3"
printf "%-30s %2s  %10s  %13s  %15s  %14s\n" "what" "th" "wall" "throughput" "files" "peak memory"
for th in 1 2; do
  run "factlint, built-in rules" "$th" "$bin" check --format compact --fail-on never "$corpus"
done
for n in 10 100 1000 10000; do
  for th in 1 2; do
    run "factlint, $n rules" "$th" "$bin" check --format compact --fail-on never --no-default-rules --rules "$out/rules-$n.yml" "$corpus"
  done
done

# The same release build with profile-guided optimisation (bench/pgo.sh),
# as a release pipeline would ship it; skipped when it cannot be built.
if pgo=$(bash bench/pgo.sh 2> /dev/null | tail -n 1) && [ -x "$pgo" ]; then
  for th in 1 2; do
    run "factlint PGO, built-in rules" "$th" "$pgo" check --format compact --fail-on never "$corpus"
  done
  run "factlint PGO, 10000 rules" 1 "$pgo" check --format compact --fail-on never --no-default-rules --rules "$out/rules-10000.yml" "$corpus"
else
  echo "(the profile-guided build could not be made: see bench/pgo.sh)"
fi

# Reference: a plain literal scan for the built-in rules' anchor words.
"$bin" rules --words > "$out/words.txt"
run "grep -F (anchor words)" 1 grep -r -c -F -w -i -f "$out/words.txt" "$corpus"
if command -v rg > /dev/null; then
  run "ripgrep -F (anchor words)" 2 rg -c -F -w -i -f "$out/words.txt" "$corpus"
fi

# Peers, installed here (not in CI): typos (crates.io) and proselint (PyPI).
if [ ! -x "$peers/bin/typos" ]; then
  cargo install --quiet --locked --root "$peers" typos-cli > /dev/null 2>&1 || echo "(typos could not be installed)"
fi
if [ -x "$peers/bin/typos" ]; then
  run "typos" 1 "$peers/bin/typos" --threads 1 "$corpus"
  run "typos" 2 "$peers/bin/typos" --threads 2 "$corpus"
fi
if [ ! -d "$peers/py/proselint" ]; then
  python3 -m pip install --quiet --target "$peers/py" proselint > /dev/null 2>&1 || echo "(proselint could not be installed)"
fi
if [ -d "$peers/py/proselint" ]; then
  # proselint is slow: it gets the first 200 files, and its rate is scaled.
  find "$corpus" -name '*.md' | sort > "$out/all-files.txt"
  head -n 200 "$out/all-files.txt" > "$out/proselint-files.txt"
  sub=$(xargs cat < "$out/proselint-files.txt" | wc -c)
  start=$(date +%s.%N)
  PYTHONPATH="$peers/py" xargs python3 -m proselint check < "$out/proselint-files.txt" > /dev/null 2>&1 || true
  end=$(date +%s.%N)
  awk -v t="$(echo "$end - $start" | bc -l)" -v b="$sub" 'BEGIN { printf "%-30s %2s  %8.2f s  %8.2f MB/s  (on %.1f MB)\n", "proselint", 1, t, b / 1e6 / t, b / 1e6 }'
fi
