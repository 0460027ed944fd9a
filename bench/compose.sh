#!/usr/bin/env bash
# Measures the compose deployment: the time from `up` to every service healthy (a first start on an
# empty volume, then a restart after `down`), and the idle memory of each container and of the whole
# control plane. Writes the section "Compose deployment" of docs/benchmarks.md (the rest of the page
# is left as it is).
#
#   bench/compose.sh        (a few minutes; needs Docker, docker-compose and the service jars:
#                            ./mvnw -DskipTests package)
#
# Runs as a compose project of its own (cetus-bench, API on 127.0.0.1:28680, pod network
# cetus-bench-pods), built with scripts/airgap-images.sh, and takes it down with -v at the end.
# BENCH_IDLE_SECONDS (default 60) is how long the cluster idles before memory is read.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PROJECT=cetus-bench
export CETUS_PORT="${BENCH_COMPOSE_PORT:-28680}"
export CETUS_POD_NETWORK=$PROJECT-pods
export CETUS_NODE_STATE_ROOT=/tmp/$PROJECT
IDLE_SECONDS="${BENCH_IDLE_SECONDS:-60}"
SERVICES=(redis object-store-service api-gateway scheduler-service replication-service
  deployment-service service-proxy node-1 node-2)
CONTROL_PLANE=(redis object-store-service api-gateway scheduler-service replication-service
  deployment-service service-proxy)
SECTION="## Compose deployment"

if command -v docker-compose >/dev/null 2>&1; then
  COMPOSE=(docker-compose)
else
  COMPOSE=(docker compose)
fi
dc() { "${COMPOSE[@]}" --env-file airgap.env -p "$PROJECT" "$@"; }
now() { date +%s.%N; }

scripts/airgap-images.sh --services >/dev/null
trap 'dc down -v --remove-orphans >/dev/null 2>&1 || true' EXIT
dc down -v --remove-orphans >/dev/null 2>&1 || true

# service -> its container's health (or state)
declare -A health
read_health() {
  local id line
  health=()
  for id in $(dc ps -q); do
    line=$(docker inspect -f '{{ index .Config.Labels "com.docker.compose.service" }} {{ if .State.Health }}{{ .State.Health.Status }}{{ else }}{{ .State.Status }}{{ end }}' "$id")
    health[${line%% *}]=${line#* }
  done
}

# Starts the project and records, per service, the seconds from `up` to its first healthy check.
declare -A healthy_after
timed_up() {
  local started service all
  healthy_after=()
  started=$(now)
  dc up -d >/dev/null 2>&1 &
  local up_pid=$!
  while :; do
    read_health
    all=1
    for service in "${SERVICES[@]}"; do
      if [ "${health[$service]:-}" = healthy ]; then
        [ -n "${healthy_after[$service]:-}" ] ||
          healthy_after[$service]=$(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
      else
        all=0
      fi
    done
    [ $all = 1 ] && break
    awk -v a="$started" -v b="$(now)" 'BEGIN { exit !(b - a > 900) }' && { echo "not healthy in 15 min" >&2; exit 1; }
    sleep 0.5
  done
  wait "$up_pid"
  ALL_HEALTHY=$(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
timed_up
first_total=$ALL_HEALTHY
declare -A first_after
for s in "${SERVICES[@]}"; do first_after[$s]=${healthy_after[$s]}; done

dc down >/dev/null 2>&1
timed_up
restart_total=$ALL_HEALTHY

sleep "$IDLE_SECONDS"

# Memory: the cgroup's figure that `docker stats` shows (usage without inactive file cache), and the
# PSS of the container's processes (shared pages divided among the processes sharing them).
to_mib() {
  awk '{ v = $1; u = $1; gsub(/[0-9.]/, "", u); gsub(/[^0-9.]/, "", v);
         f = (u == "GiB") ? 1024 : (u == "KiB" || u == "kB") ? 1 / 1024 : (u == "B") ? 1 / 1048576 : 1;
         printf "%.0f", v * f }'
}
declare -A stats_mib pss_mib
for id in $(dc ps -q); do
  service=$(docker inspect -f '{{ index .Config.Labels "com.docker.compose.service" }}' "$id")
  stats_mib[$service]=$(docker stats --no-stream --format '{{ .MemUsage }}' "$id" | cut -d/ -f1 | to_mib)
  pid=$(docker inspect -f '{{ .State.Pid }}' "$id")
  pss=0
  for p in $pid $(cat "/proc/$pid/task/"*/children 2>/dev/null || true); do
    kb=$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
    pss=$((pss + ${kb:-0}))
  done
  pss_mib[$service]=$(awk -v k="$pss" 'BEGIN { printf "%.0f", k / 1024 }')
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

sum() { # array-name services...
  local -n values=$1
  shift
  local total=0 s
  for s in "$@"; do total=$((total + ${values[$s]:-0})); done
  echo "$total"
}

section=$(
  echo "$SECTION"
  echo
  echo "Figures from \`bench/compose.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB,"
  echo "$("${COMPOSE[@]}" version 2>/dev/null | head -1), images from \`scripts/airgap-images.sh\`"
  echo "(\`$(grep '^CETUS_JRE_IMAGE=' airgap.env | cut -d= -f2)\` base, JVM flags of each Dockerfile). Load average (1, 5, 15 min)"
  echo "before: $load_before; after: $load_after. Memory read after $IDLE_SECONDS s idle, with no pods."
  echo
  echo "**Start:** \`up\` to every service healthy: **$first_total s** the first time (empty volume),"
  echo "**$restart_total s** after \`down\` (the health checks run every 2–3 s, so each step of the order"
  echo "redis → object store → the rest (scheduler after the agents) waits up to one interval)."
  echo
  echo "| service | healthy after (s) | memory, docker stats (MiB) | PSS (MiB) |"
  echo "|---|---|---|---|"
  for s in "${SERVICES[@]}"; do
    echo "| $s | ${first_after[$s]} | ${stats_mib[$s]:-} | ${pss_mib[$s]:-} |"
  done
  echo "| **control plane + Redis** (all but the agents) | | **$(sum stats_mib "${CONTROL_PLANE[@]}")** | **$(sum pss_mib "${CONTROL_PLANE[@]}")** |"
  echo "| node agents (2) | | $(sum stats_mib node-1 node-2) | $(sum pss_mib node-1 node-2) |"
  echo "| everything | | $(sum stats_mib "${SERVICES[@]}") | $(sum pss_mib "${SERVICES[@]}") |"
  echo
  echo "Target (issue 4): control plane + Redis ≤ 1 GB idle; k3s publishes about 1.6 GB for a server"
  echo "(control plane with its embedded agent). The JVM flags are explained in docs/design/images.md."
  echo "Measured once by hand on 2026-11-22 with the first flags (object store -Xms96m -Xmn48m,"
  echo "gateway -Xms48m -Xmn24m, the rest -Xms16m; no heap-free ratios, malloc arena cap or native"
  echo "heap trimming), the same nine containers took 1244 MiB (docker stats), the control plane +"
  echo "Redis 925 MiB."
)

# Replace the section (up to the next "## " heading or the end), or append it.
page=docs/benchmarks.md
tmp=$(mktemp)
echo "$section" >"$tmp.section"
if grep -qx "$SECTION" "$page" 2>/dev/null; then
  awk -v heading="$SECTION" -v file="$tmp.section" '
    $0 == heading { while ((getline line < file) > 0) print line; skip = 1; next }
    skip && /^## / { skip = 0; print "" }
    !skip { print }' "$page" >"$tmp"
else
  { cat "$page" 2>/dev/null || true; echo; cat "$tmp.section"; } >"$tmp"
fi
mv "$tmp" "$page"
rm -f "$tmp.section"
echo "$section"
