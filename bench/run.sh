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

rss() { ps -o rss= -p "$(cat "$CETUS_STATE_DIR/pids/$1.pid")" | awk '{printf "%.0f", $1/1024}'; }
declare -A idle_rss
sleep 10 # let start-up work (first GC sweep, JIT of the start path) settle
for p in object-store-service api-gateway redis; do idle_rss[$p]=$(rss $p); done

# Warm both paths up so that JIT compilation does not land in the figures: the gateway and the
# object store reach their steady speed only after some ten thousand requests each.
"$JAVA" -Dbench.ops="${BENCH_WARMUP_OPS:-1000}" -Dbench.watch=false bench/ApiBench.java \
  warmup="http://127.0.0.1:$CETUS_PORT" >/dev/null
"$JAVA" -Dbench.ops=100 bench/ApiBench.java warmup="http://127.0.0.1:$CETUS_PORT" >/dev/null
# The warm-up's namespace is deleted in the background; that work must not land in the figures.
for _ in $(seq 1 600); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$CETUS_PORT/api/v1/namespaces/bench-warmup")
  [ "$code" = 404 ] && break
  sleep 0.5
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
table=$("$JAVA" bench/ApiBench.java \
  gateway="http://127.0.0.1:$CETUS_PORT" \
  direct="http://127.0.0.1:$CETUS_PORT_BASE")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# The hand-written log at the end of the page survives a new run.
log_heading="## What we changed and what it bought"
change_log=""
if [ -f docs/benchmarks.md ]; then
  change_log=$(sed -n "/^$log_heading\$/,\$p" docs/benchmarks.md)
fi

{
  echo "# Benchmarks"
  echo
  echo "Figures from \`bench/run.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB;"
  echo "platform started by \`./cetus up\` (Redis with AOF \`everysec\`), load from \`bench/ApiBench.java\`"
  echo "on the same machine. ConfigMaps of ~150 bytes; \`gateway\` goes through the api-gateway,"
  echo "\`direct\` straight to the object store. Watch delivery is the time from a create's answer to its"
  echo "event reaching every open watch. Load average (1, 5, 15 min) before the measured run:"
  echo "$load_before; after it: $load_after."
  echo
  echo "## API latency and throughput"
  echo
  echo "$table"
  echo
  echo "Target (issue 2): create p99 ≤ 20 ms and ≥ 3,000 creates/s through the gateway."
  echo
  echo "## Memory (RSS, MiB)"
  echo
  echo "| process | idle, 10 s after start | after the run |"
  echo "|---|---|---|"
  for p in object-store-service api-gateway redis; do
    [ -f "$CETUS_STATE_DIR/pids/$p.pid" ] && echo "| $p | ${idle_rss[$p]} | $(rss $p) |"
  done
  if [ -n "$change_log" ]; then
    echo
    echo "$change_log"
  fi
} >docs/benchmarks.md
cat docs/benchmarks.md
