#!/usr/bin/env bash
# Measures the API: starts the platform on ports of its own, runs ApiBench through the gateway and
# directly against the object store, and writes the figures to docs/benchmarks.md.
#
#   bench/run.sh            (takes a few minutes; needs what ./cetus up needs)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export CETUS_PORT="${BENCH_PORT:-28080}"
export CETUS_PORT_BASE=$((CETUS_PORT + 11))
export CETUS_STATE_DIR="$ROOT/bench/results/state"
export CETUS_KUBECONFIG="$CETUS_STATE_DIR/kubeconfig"
mkdir -p "$CETUS_STATE_DIR"

trap './cetus down >/dev/null' EXIT
./cetus down >/dev/null
./cetus up --nodes 0
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"

# Warm both paths up once so JIT compilation does not land in the figures.
"$JAVA" -Dbench.ops=100 bench/ApiBench.java warmup="http://127.0.0.1:$CETUS_PORT" >/dev/null

table=$("$JAVA" bench/ApiBench.java \
  gateway="http://127.0.0.1:$CETUS_PORT" \
  direct="http://127.0.0.1:$CETUS_PORT_BASE")

rss() { ps -o rss= -p "$(cat "$CETUS_STATE_DIR/pids/$1.pid")" | awk '{printf "%.0f", $1/1024}'; }

{
  echo "# Benchmarks"
  echo
  echo "Figures from \`bench/run.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB;"
  echo "platform started by \`./cetus up\` (Redis with AOF \`everysec\`), load from \`bench/ApiBench.java\`"
  echo "on the same machine. ConfigMaps of ~150 bytes; \`gateway\` goes through the api-gateway,"
  echo "\`direct\` straight to the object store. Watch delivery is the time from a create's answer to its"
  echo "event reaching every open watch."
  echo
  echo "## API latency and throughput"
  echo
  echo "$table"
  echo
  echo "Target (issue 2): create p99 ≤ 20 ms and ≥ 3,000 creates/s through the gateway."
  echo
  echo "## Memory after the run (RSS, MiB)"
  echo
  echo "| process | RSS |"
  echo "|---|---|"
  for p in object-store-service api-gateway redis; do
    [ -f "$CETUS_STATE_DIR/pids/$p.pid" ] && echo "| $p | $(rss $p) |"
  done
} >docs/benchmarks.md
cat docs/benchmarks.md
