#!/usr/bin/env bash
# Fetches the OASIS SARIF 2.1.0 JSON schema into target/ for the SARIF
# validation test. The schema ships in the npm package @microsoft/jest-sarif;
# the Python validator is the jsonschema package from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/sarif-schema-2.1.0.json
if ! python3 -c "import jsonschema" 2>/dev/null; then
  python3 -m pip install --quiet jsonschema
fi
[ -s "$out" ] && exit 0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 > /dev/null)
tar -xzf "$tmp"/*.tgz -C "$tmp" package/lib/schemas/sarif-2.1.0-rtm.5.json
mkdir -p target
cp "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$out"
echo "SARIF schema: $out"
