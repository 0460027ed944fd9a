#!/usr/bin/env bash
# Pod benchmarks on a platform of their own (ports 28080/28091.., state in bench/results/pods):
#   1. pod startup latency on real Docker, two node agents, image present;
#   2. the same on 1,000 hollow nodes (one agent process, fake engines);
#   3. scheduler throughput with 1,000 hollow nodes: 3,000 pods created while the scheduler is
#      paused (a warm scheduler, SIGSTOP/SIGCONT) or stopped (then started afresh), and the rate
#      of its bindings once it runs again.
# Prints Markdown table rows; docs/benchmarks.md says how to read them. Needs the jars built
# (./mvnw -DskipTests package) and what ./cetus up needs.
#
#   bench/pods.sh [docker|hollow|schedule ...]   (default: all three; ~10 minutes)
#
# Knobs (environment): BENCH_DOCKER_PODS pods per Docker row (default 100), BENCH_DOCKER_PACED_RATES
# the pods/s of the Docker rows paced below what the engine sustains (default "2 4"), BENCH_DOCKER_IMAGES
# the images of the Docker rows (default "cetus/pause:1 cetus/demo-app:0.1.0"), BENCH_HOLLOW_NODES
# (default 1000), BENCH_SCHEDULE_PODS (default 3000).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export CETUS_PORT="${BENCH_PORT:-28080}"
export CETUS_PORT_BASE=$((CETUS_PORT + 11))
export CETUS_STATE_DIR="$ROOT/bench/results/pods"
export CETUS_KUBECONFIG="$CETUS_STATE_DIR/kubeconfig"
export CETUS_NODE_PREFIX=bench-node-
export CETUS_HOLLOW_NODE_PREFIX=bench-hollow-
API="http://127.0.0.1:$CETUS_PORT"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
HOLLOW_NODES="${BENCH_HOLLOW_NODES:-1000}"
SCHEDULE_PODS="${BENCH_SCHEDULE_PODS:-3000}"
DOCKER_PODS="${BENCH_DOCKER_PODS:-100}"
read -r -a DOCKER_PACED_RATES <<<"${BENCH_DOCKER_PACED_RATES:-2 4}"
read -r -a DOCKER_IMAGES <<<"${BENCH_DOCKER_IMAGES:-cetus/pause:1 cetus/demo-app:0.1.0}"
mkdir -p "$CETUS_STATE_DIR"

bench() { "$JAVA" bench/PodBench.java "$@"; }
# shellcheck source=bench/lib/platform.sh
. bench/lib/platform.sh

startup_header() {
  echo "| image | pods Running | created at | creating took | create → Running p50 / p90 / p99 / max (ms) | create → bound | bound → Running |"
  echo "|---|---|---|---|---|---|---|"
}

# Warm-up: the first pods pay for class loading and JIT in every service on their path.
warm_up() { # image
  bench startup "$API" pb-warm 30 0 "$1" >/dev/null
  bench clean "$API" pb-warm
}

docker_startup() {
  trap './cetus down >/dev/null' EXIT
  fresh_down
  ./cetus up --nodes 2 >/dev/null
  await_ready_nodes 2
  warm_up cetus/pause:1
  echo "### Real Docker, 2 nodes (load before: $(loadavg))"
  echo
  startup_header
  for image in "${DOCKER_IMAGES[@]}"; do
    # At a rate the engine keeps up with: the latency of one pod, as Kubernetes' pod startup SLO
    # is measured (latency pods on a cluster that is not saturated).
    for rate in "${DOCKER_PACED_RATES[@]}"; do
      bench startup "$API" pb-docker "$DOCKER_PODS" "$rate" "$image"
      bench clean "$API" pb-docker
    done
    bench startup "$API" pb-docker "$DOCKER_PODS" 10 "$image"
    bench clean "$API" pb-docker
    bench startup "$API" pb-docker "$DOCKER_PODS" 0 "$image"
    bench clean "$API" pb-docker
  done
  echo
  echo "Containers left on the nodes after the runs: $(for n in 1 2; do docker ps -aq --filter "label=io.cetus.node=bench-node-$n"; done | wc -l)"
  echo
  ./cetus down >/dev/null
  trap - EXIT
}

hollow_up() {
  trap './cetus down >/dev/null' EXIT
  fresh_down
  # The scheduler is paused for the seconds it takes to create the pods; its lease must not lapse.
  export PLATFORM_LEADERELECTION_LEASEDURATION=120s
  ./cetus up --nodes 0 --hollow-nodes "$HOLLOW_NODES" >/dev/null
  await_ready_nodes "$HOLLOW_NODES"
}

hollow_startup() {
  warm_up cetus/pause:1
  echo "### $HOLLOW_NODES hollow nodes (load before: $(loadavg))"
  echo
  startup_header
  bench startup "$API" pb-hollow 100 10 cetus/pause:1
  bench clean "$API" pb-hollow
  bench startup "$API" pb-hollow 100 0 cetus/pause:1
  bench clean "$API" pb-hollow
  echo
}

# The scheduler's own command line and environment, to start it again after stopping it.
restart_scheduler_later() {
  local pid_file="$CETUS_STATE_DIR/pids/scheduler-service.pid" pid
  pid=$(cat "$pid_file")
  mapfile -d '' SCHEDULER_CMD <"/proc/$pid/cmdline"
  mapfile -d '' SCHEDULER_ENV < <(grep -zE '^(CETUS_|SERVER_PORT=)' "/proc/$pid/environ")
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

# CPU seconds (user + system) each platform process has used so far: "name seconds" lines.
cpu_snapshot() {
  local pid_file name pid ticks
  ticks=$(getconf CLK_TCK)
  for pid_file in "$CETUS_STATE_DIR"/pids/*.pid; do
    name=$(basename "$pid_file" .pid)
    pid=$(cat "$pid_file")
    [ -r "/proc/$pid/stat" ] || continue
    awk -v n="$name" -v t="$ticks" '{ sub(/^.*\) /, ""); printf "%s %.2f\n", n, ($12 + $13) / t }' \
      "/proc/$pid/stat"
  done
}

# "name: seconds" for what each process used between two snapshots (a process started in
# between counts from zero).
cpu_used() { # before after
  awk 'NR == FNR { before[$1] = $2; next } { printf "%s %.1f s, ", $1, $2 - before[$1] }' \
    "$1" "$2" | sed 's/, $//'
}

start_scheduler() {
  nohup env "${SCHEDULER_ENV[@]}" "${SCHEDULER_CMD[@]}" \
    >>"$CETUS_STATE_DIR/logs/scheduler-service.log" 2>&1 &
  echo $! >"$CETUS_STATE_DIR/pids/scheduler-service.pid"
}

# One run: SCHEDULE_PODS pods created while the scheduler does not run ("$1": paused, or
# stopped and started afresh), then the rate of the bindings it makes once it runs again.
schedule_run() { # paused|restarted namespace
  local how="$1" namespace="$2" pid
  pid=$(cat "$CETUS_STATE_DIR/pids/scheduler-service.pid")
  if [ "$how" = paused ]; then kill -STOP "$pid"; else restart_scheduler_later; fi
  bench create "$API" "$namespace" "$SCHEDULE_PODS" >&2
  bench binds "$API" "$namespace" "$SCHEDULE_PODS" >"$CETUS_STATE_DIR/binds.out" &
  local watcher=$!
  until grep -q watching "$CETUS_STATE_DIR/binds.out"; do sleep 0.2; done
  cpu_snapshot >"$CETUS_STATE_DIR/cpu.before"
  if [ "$how" = paused ]; then kill -CONT "$pid"; else start_scheduler; fi
  wait "$watcher"
  cpu_snapshot >"$CETUS_STATE_DIR/cpu.after"
  echo "| $how $(grep -v watching "$CETUS_STATE_DIR/binds.out") $(cpu_used "$CETUS_STATE_DIR/cpu.before" "$CETUS_STATE_DIR/cpu.after") |"
  bench clean "$API" "$namespace"
}

schedule_throughput() {
  echo "### Scheduler throughput, $HOLLOW_NODES hollow nodes, $SCHEDULE_PODS pods pending (load before: $(loadavg))"
  echo
  echo "| scheduler | pods bound | first → last binding | throughput | spread | CPU from the scheduler's (re)start to the last binding |"
  echo "|---|---|---|---|---|---|"
  # Warm: a scheduler that has already placed a few thousand pods, paused (SIGSTOP) while the
  # next pods are created, as a long-running scheduler meets a burst. Its lease outlives the pause.
  bench binds "$API" pb-sched-warm "$SCHEDULE_PODS" >"$CETUS_STATE_DIR/binds.out" &
  local watcher=$!
  until grep -q watching "$CETUS_STATE_DIR/binds.out"; do sleep 0.2; done
  bench create "$API" pb-sched-warm "$SCHEDULE_PODS" >&2
  wait "$watcher"
  bench clean "$API" pb-sched-warm
  for run in 1 2 3; do schedule_run paused "pb-sched-p$run"; done
  # Cold: the scheduler process started afresh with the pods already there (JVM start, the
  # informers' first lists and the JIT all inside the measured time).
  for run in 1 2; do schedule_run restarted "pb-sched-r$run"; done
  echo
}

parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(docker hollow schedule)
for part in "${parts[@]}"; do
  case "$part" in
    docker) docker_startup ;;
    hollow) [ -n "${HOLLOW_RUNNING:-}" ] || { hollow_up; HOLLOW_RUNNING=1; }; hollow_startup ;;
    schedule) [ -n "${HOLLOW_RUNNING:-}" ] || { hollow_up; HOLLOW_RUNNING=1; }; schedule_throughput ;;
    *) echo "unknown part $part" >&2; exit 2 ;;
  esac
done
./cetus down >/dev/null
trap - EXIT
