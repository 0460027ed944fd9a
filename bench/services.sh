#!/usr/bin/env bash
# Service proxy benchmark: the same demo-app pod reached directly, through the Cetus proxy (its
# cluster IP, and its node port) and through nginx's stream proxy configured alike (one upstream,
# as many workers as the Cetus proxy has event loops: half the cores, at least one), in one run
# on a platform of its own (ports 28080/28091.., state in bench/results/services). Measures short
# HTTP requests (keep-alive, and a new connection per request) and bulk transfer; prints Markdown
# rows for docs/benchmarks.md.
# Needs the jars built (./mvnw -DskipTests package), what ./cetus up needs, Docker with the
# airgap images, root (the proxy holds cluster IPs), and nginx with its stream module (installed
# from Debian's packages when missing).
#
#   bench/services.sh        (~5 minutes; BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_MEBIBYTES)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export CETUS_PORT="${BENCH_PORT:-28080}"
export CETUS_PORT_BASE=$((CETUS_PORT + 11))
export CETUS_STATE_DIR="$ROOT/bench/results/services"
export CETUS_KUBECONFIG="$CETUS_STATE_DIR/kubeconfig"
export CETUS_NODE_PREFIX=bench-node-
# a pods' network and cluster addresses of its own, apart from a developer's `cetus`
export CETUS_POD_NETWORK=cetus-bench
export CETUS_POD_SUBNET=10.244.0.0/16 CETUS_POD_IP_RANGE=10.244.0.0/17
export CETUS_SERVICE_CLUSTER_IP_RANGE=10.244.128.0/18 CETUS_CLUSTER_DNS=10.244.255.10
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
SECONDS_EACH="${BENCH_SECONDS:-10}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
MEBIBYTES="${BENCH_MEBIBYTES:-1024}"
NGINX_PORT=$((CETUS_PORT + 520))
NAMESPACE=bench-services
mkdir -p "$CETUS_STATE_DIR"

# shellcheck source=bench/lib/platform.sh
. bench/lib/platform.sh
bench() { "$JAVA" bench/ServiceBench.java "$@"; }

ensure_nginx() {
  [ -f /usr/lib/nginx/modules/ngx_stream_module.so ] && command -v nginx >/dev/null && return
  echo "installing nginx-light and its stream module" >&2
  # no service start on install: the bench runs its own nginx
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  apt-get install -y -qq nginx-light libnginx-mod-stream >/dev/null
  rm -f /usr/sbin/policy-rc.d
}

start_nginx() { # upstream host:port
  local workers=$(($(nproc) / 2))
  [ "$workers" -ge 1 ] || workers=1
  cat >"$CETUS_STATE_DIR/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_stream_module.so;
worker_processes $workers;
pid $CETUS_STATE_DIR/nginx.pid;
error_log $CETUS_STATE_DIR/nginx-error.log;
events { worker_connections 4096; }
stream {
  upstream backend { server $1; }
  server { listen 127.0.0.1:$NGINX_PORT; proxy_pass backend; }
}
CONF
  nginx -c "$CETUS_STATE_DIR/nginx.conf"
}

# A new connection per request at thousands per second leaves each (address, port) pair in
# TIME_WAIT for a minute, and every path here ends at the same pod port: without re-use of those
# ports for new outgoing connections, the rows after the first would run out of ephemeral ports.
TW_REUSE=$(sysctl -n net.ipv4.tcp_tw_reuse)
sysctl -qw net.ipv4.tcp_tw_reuse=1

stop_all() {
  [ -f "$CETUS_STATE_DIR/nginx.pid" ] && kill "$(cat "$CETUS_STATE_DIR/nginx.pid")" 2>/dev/null || true
  ./cetus down >/dev/null
  sysctl -qw net.ipv4.tcp_tw_reuse="$TW_REUSE"
}

ensure_nginx
trap stop_all EXIT
fresh_down
./cetus up --nodes 1 >/dev/null
await_ready_nodes 1
kubectl_ create namespace "$NAMESPACE" >/dev/null
kubectl_ -n "$NAMESPACE" create deployment backend --image=cetus/demo-app:0.1.0 --port=8080 >/dev/null
kubectl_ -n "$NAMESPACE" expose deployment backend --type=NodePort --port=80 --target-port=8080 >/dev/null
kubectl_ -n "$NAMESPACE" rollout status deployment/backend --timeout=180s >/dev/null
for _ in $(seq 1 60); do
  [ -n "$(kubectl_ -n "$NAMESPACE" get endpoints backend -o jsonpath='{.subsets[0].addresses[0].ip}')" ] && break
  sleep 1
done
POD_IP=$(kubectl_ -n "$NAMESPACE" get pods -l app=backend -o jsonpath='{.items[0].status.podIP}')
CLUSTER_IP=$(kubectl_ -n "$NAMESPACE" get svc backend -o jsonpath='{.spec.clusterIP}')
NODE_PORT=$(kubectl_ -n "$NAMESPACE" get svc backend -o jsonpath='{.spec.ports[0].nodePort}')
start_nginx "$POD_IP:8080"

declare -A PATHS=(
  ["direct to the pod"]="$POD_IP:8080"
  ["Cetus proxy, cluster IP"]="$CLUSTER_IP:80"
  ["Cetus proxy, node port"]="127.0.0.1:$NODE_PORT"
  ["nginx stream proxy"]="127.0.0.1:$NGINX_PORT"
)
ORDER=("direct to the pod" "Cetus proxy, cluster IP" "Cetus proxy, node port" "nginx stream proxy")

# warm-up: the JIT of the demo app and of the proxy, on each of the three kinds of rows
for path in "${ORDER[@]}"; do
  bench requests "${PATHS[$path]}" "$CONNECTIONS" 3 keepalive >/dev/null
  bench requests "${PATHS[$path]}" "$CONNECTIONS" 3 connect >/dev/null
  bench bulk "${PATHS[$path]}" 256 1 >/dev/null
done

echo "Load before: $(loadavg); $CONNECTIONS connections, ${SECONDS_EACH} s per row, ${MEBIBYTES} MiB per transfer"
echo
echo "| path | keep-alive req/s | p50 / p99 ms | new connection per request req/s | p50 / p99 ms | bulk MiB/s best / median of 3 |"
echo "|---|---|---|---|---|---|"
for path in "${ORDER[@]}"; do
  target="${PATHS[$path]}"
  read -r kr kp50 kp99 kerr < <(bench requests "$target" "$CONNECTIONS" "$SECONDS_EACH" keepalive)
  read -r cr cp50 cp99 cerr < <(bench requests "$target" "$CONNECTIONS" "$SECONDS_EACH" connect)
  read -r best median < <(bench bulk "$target" "$MEBIBYTES" 3)
  errors=""
  [ "$kerr" = 0 ] && [ "$cerr" = 0 ] || errors=" (errors: $kerr keep-alive, $cerr new connection)"
  echo "| $path$errors | $kr | $kp50 / $kp99 | $cr | $cp50 / $cp99 | $best / $median |"
done
echo
echo "Load after: $(loadavg)"
