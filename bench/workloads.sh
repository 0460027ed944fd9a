#!/usr/bin/env bash
# Deployment benchmarks on a platform of their own (ports 28180/28201.., Redis 28301, state in
# bench/results/workloads, nodes wl-node-N and wl-hollow-N, an empty store each time):
#   1. hollow: 20 hollow nodes; time for a 100-replica Deployment to be fully available, and the
#      rollout time of a 20-replica Deployment (image changed, then changed back);
#   2. docker: 2 real Docker nodes; the same 20-replica rollout, then a 100-replica Deployment
#      (about 50 pods on each node) and the loss of wl-node-2 (its agent killed, SIGKILL):
#      time until its pods run and are ready on wl-node-1.
# Pods run cetus/pause:1 without probes (hollow pods fail every probe). Prints Markdown table
# rows; docs/benchmarks.md says how to read them. Needs the jars built
# (./mvnw -DskipTests package) and what ./cetus up needs.
#
#   bench/workloads.sh [hollow|docker ...]   (default: both; ~10 minutes)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export CETUS_PORT="${BENCH_PORT:-28180}"
# +21, not +11: 28191 is the Redis of a platform on 28080 (bench/pods.sh, bench/run.sh take PORT_BASE + 100)
export CETUS_PORT_BASE="${BENCH_PORT_BASE:-$((CETUS_PORT + 21))}"
export CETUS_STATE_DIR="$ROOT/bench/results/workloads"
export CETUS_KUBECONFIG="$CETUS_STATE_DIR/kubeconfig"
export CETUS_NODE_PREFIX=wl-node-
export CETUS_HOLLOW_NODE_PREFIX=wl-hollow-
API="http://127.0.0.1:$CETUS_PORT"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
HOLLOW_NODES="${BENCH_HOLLOW_NODES:-20}"
IMAGE=cetus/pause:1
# The same image under another name: a new template (a rollout) that every node still has.
RENAMED=docker.io/cetus/pause:1
mkdir -p "$CETUS_STATE_DIR"

bench() { "$JAVA" bench/WorkloadBench.java "$@"; }
# shellcheck source=bench/lib/platform.sh
. bench/lib/platform.sh

# Warm-up: the first Deployment pays for class loading and JIT in every service on its path.
warm_up() {
  bench available "$API" wl-warm warm 20 "$IMAGE" >/dev/null
  bench rollout "$API" wl-warm warm "$RENAMED" >/dev/null
  bench clean "$API" wl-warm
}

available_header() {
  echo "| replicas | image | create → all pods Running | create → Deployment available |"
  echo "|---|---|---|---|"
}

rollout_rows() { # namespace
  bench available "$API" "$1" web 20 "$IMAGE" >/dev/null
  bench rollout "$API" "$1" web "$RENAMED"
  bench rollout "$API" "$1" web "$IMAGE"
  bench clean "$API" "$1"
}

rollout_header() {
  echo "| replicas | to image | patch → rollout complete |"
  echo "|---|---|---|"
}

hollow() {
  trap './cetus down >/dev/null' EXIT
  fresh_down
  ./cetus up --nodes 0 --hollow-nodes "$HOLLOW_NODES" >/dev/null
  await_ready_nodes "$HOLLOW_NODES"
  warm_up
  echo "### $HOLLOW_NODES hollow nodes (load before: $(loadavg))"
  echo
  available_header
  for run in 1 2 3; do
    bench available "$API" "wl-avail-$run" big 100 "$IMAGE"
    bench clean "$API" "wl-avail-$run"
  done
  echo
  rollout_header
  rollout_rows wl-rollout
  echo
  echo "(load after: $(loadavg))"
  echo
  ./cetus down >/dev/null
  trap - EXIT
}

docker_nodes() {
  trap './cetus down >/dev/null' EXIT
  fresh_down
  ./cetus up --nodes 2 >/dev/null
  await_ready_nodes 2
  warm_up
  echo "### Real Docker, 2 nodes (load before: $(loadavg))"
  echo
  rollout_header
  rollout_rows wl-rollout
  echo
  # Node loss twice: with the platform's eviction timeout, then with pods that tolerate the
  # unreachable taint for 0 s (Kubernetes' per-pod knob for fast fail-over).
  for unreachable in "" 0; do
    echo "Pods' unreachable toleration: ${unreachable:-none (the eviction timeout applies)}"
    echo
    available_header
    bench available "$API" wl-loss survivors 100 "$IMAGE" $unreachable
    echo
    echo "| pods on the lost node | kill returned | node NotReady | its pods deleted | all Running elsewhere | all Ready elsewhere |"
    echo "|---|---|---|---|---|---|"
    bench nodeloss "$API" wl-loss survivors wl-node-2 ./cetus node stop wl-node-2
    echo
    ./cetus node start wl-node-2 >/dev/null
    await_ready_nodes 2
    bench clean "$API" wl-loss
    echo "(load after: $(loadavg))"
    echo
    # The killed agent's containers of evicted pods: the restarted agent removes them.
    for _ in $(seq 1 120); do
      left=$(docker ps -q --filter label=io.cetus.node=wl-node-2 | wc -l)
      [ "$left" -eq 0 ] && break
      sleep 1
    done
    echo "Containers left on wl-node-2 after the restart: $left"
    echo
  done
  ./cetus down >/dev/null
  trap - EXIT
}

parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(hollow docker)
for part in "${parts[@]}"; do
  case "$part" in
    hollow) hollow ;;
    docker) docker_nodes ;;
    *) echo "unknown part $part" >&2; exit 2 ;;
  esac
done
