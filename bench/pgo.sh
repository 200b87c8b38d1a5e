#!/usr/bin/env bash
# Builds factlint with profile-guided optimisation (PGO), the way a release
# pipeline would build the binaries it ships: an instrumented build checks a
# training corpus, and the optimised build uses the profile it wrote.
#
# The training corpus is generated with another seed than the benchmark's
# corpora (the same kinds of article, other sentences), and the bundled
# examples are checked too. Nothing is committed: the profile and both
# builds stay under target/pgo/.
#
# usage: bash bench/pgo.sh        prints the path of the optimised binary
# needs: rustup's llvm-tools component (added here when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/pgo
mkdir -p "$work"

sysroot=$(rustc --print sysroot)
host=$(rustc -vV | sed -n 's/^host: //p')
profdata="$sysroot/lib/rustlib/$host/bin/llvm-profdata"
if [ ! -x "$profdata" ]; then
  rustup component add llvm-tools >&2
fi

train=bench/out/train-10mb
[ -d "$train" ] || python3 bench/gen_corpus.py 10 "$train" 11 > /dev/null

rm -rf "$work/raw"
RUSTFLAGS="-Cprofile-generate=$PWD/$work/raw" \
  cargo build --release --quiet --target-dir "$work/gen"
gen="$work/gen/release/factlint"
for threads in 1 2; do
  RAYON_NUM_THREADS=$threads "$gen" check --format compact --fail-on never "$train" > /dev/null
done
"$gen" check --fail-on never examples/ > /dev/null
"$profdata" merge -o "$work/factlint.profdata" "$work/raw"

RUSTFLAGS="-Cprofile-use=$PWD/$work/factlint.profdata" \
  cargo build --release --quiet --target-dir "$work/use"
echo "$work/use/release/factlint"
