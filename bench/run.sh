#!/usr/bin/env bash
# Times the release binary on a ~10 MB text made by repeating the founding
# example, with the built-in rules and with N synthetic rules.
#
# usage: bench/run.sh [SIZE_MB]      (needs python3 and GNU time if present)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-10}
out=bench/out
mkdir -p "$out"
cargo build --release --quiet
bin=target/release/factlint
seed=../shared/examples/seed-article.txt
[ -f "$seed" ] || { echo "missing $seed"; exit 2; }

corpus="$out/seed-${size_mb}mb.txt"
python3 - "$seed" "$corpus" "$size_mb" <<'PY'
import sys
seed, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(seed, encoding="utf-8").read().rstrip("\n") + "\n\n"
reps = mb * 1_000_000 // len(text.encode()) + 1
open(out, "w", encoding="utf-8").write(text * reps)
PY
bytes=$(wc -c < "$corpus")

measure() { # label, args...
  local label=$1; shift
  local best=999999 t rss=""
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f "%M" -o "$out/time.txt" "$bin" "$@" > "$out/findings.txt" || true
      rss=$(tail -1 "$out/time.txt")
    else
      "$bin" "$@" > "$out/findings.txt" || true
    fi
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    best=$(echo "if ($t < $best) $t else $best" | bc -l)
  done
  local findings mbs
  findings=$(wc -l < "$out/findings.txt")
  mbs=$(echo "$bytes / 1000000 / $best" | bc -l)
  printf "%-28s %8.3f s  %8.1f MB/s  %9d findings  %s\n" "$label" "$best" "$mbs" "$findings" "${rss:+peak RSS ${rss} KB}"
}

echo "corpus: $corpus ($bytes bytes); best of 3 runs; $(nproc) cores"
measure "built-in rules" check --format compact --fail-on never "$corpus"
for n in 10 100 1000 10000; do
  python3 bench/gen_rules.py "$n" "$out/rules-$n.yml" "$seed"
  measure "$n synthetic rules" check --format compact --fail-on never --no-default-rules --rules "$out/rules-$n.yml" "$corpus"
done
