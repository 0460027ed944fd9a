# shellcheck shell=bash
# Helpers for the bench scripts that run a platform of their own with ./cetus; sourced, with
# CETUS_STATE_DIR and CETUS_KUBECONFIG set and the repository as the working directory.

# Each platform starts from an empty store.
fresh_down() { ./cetus down >/dev/null; rm -rf "$CETUS_STATE_DIR/redis"; }
kubectl_() { /usr/bin/kubectl --kubeconfig "$CETUS_KUBECONFIG" "$@"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

await_ready_nodes() { # count
  local ready=0
  for _ in $(seq 1 600); do
    ready=$(kubectl_ get nodes --no-headers 2>/dev/null | awk '$2 == "Ready"' | wc -l)
    [ "$ready" -ge "$1" ] && return
    sleep 1
  done
  echo "only $ready of $1 nodes became Ready" >&2
  exit 1
}
