#!/usr/bin/env bash
# Builds every image Cetus and its tests need from files on this machine only, and writes their
# names to airgap.env at the repository root:
#
#   ./mvnw -DskipTests package                     # the service jars (once)
#   scripts/airgap-images.sh --services && docker-compose --env-file airgap.env up -d
#
# The service images (one per module with a Dockerfile, FROM the JRE image built here) need the
# modules' jars. Without --services they are built when every jar exists and skipped otherwise (CI
# runs this script before Maven has built anything); with --services a missing jar is an error.
#
# No registry is contacted: nothing is pulled, every image is FROM scratch or FROM an image built
# here, builds use the legacy builder (no BuildKit frontend to fetch) and have no RUN steps.
# Each image carries a hash of what it was built from (label io.cetus.airgap.hash); an image whose
# hash still matches is left alone, so a second run takes a few seconds and changes nothing.
#
# Needs: a Docker engine, a JDK 21+ (jlink), redis-server, busybox-static, gcc with static glibc.
# CETUS_JDK chooses the JDK; otherwise JAVA_HOME if it is 21+, else the newest in /usr/lib/jvm.
set -euo pipefail
shopt -s inherit_errexit

cd "$(dirname "$0")/.."
readonly ROOT=$PWD
readonly WORK=$ROOT/target/airgap
readonly ENV_FILE=$ROOT/airgap.env
readonly HASH_LABEL=io.cetus.airgap.hash
readonly DEMO_VERSION=0.1.0

readonly REDIS_IMAGE=cetus/redis:7
readonly PAUSE_IMAGE=cetus/pause:1
readonly DEMO_IMAGE=cetus/demo-app:$DEMO_VERSION
readonly PROXY_IMAGE=cetus/proxy:$DEMO_VERSION
readonly SERVICE_VERSION=0.1.0-SNAPSHOT
# The platform's services: module, then the variable docker-compose.yml reads its image name from.
readonly SERVICES=(
  object-store-service:CETUS_OBJECT_STORE_IMAGE
  api-gateway:CETUS_API_GATEWAY_IMAGE
  scheduler-service:CETUS_SCHEDULER_IMAGE
  replication-service:CETUS_REPLICATION_IMAGE
  deployment-service:CETUS_DEPLOYMENT_IMAGE
  service-proxy:CETUS_SERVICE_PROXY_IMAGE
  node-agent:CETUS_NODE_AGENT_IMAGE
)

# Modules that run Spring Boot services (found with jdeps) plus service providers jdeps cannot
# see: GC metrics (jdk.management), the JDK HTTP server, zip file systems, charsets, crypto, extended
# socket options (jdk.net: Lettuce sets TCP keep-alive with them) and JNDI DNS (jdk.naming.dns).
readonly JRE_MODULES=java.base,java.compiler,java.desktop,java.instrument,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.sql,jdk.jfr,jdk.unsupported,jdk.management,jdk.httpserver,jdk.zipfs,jdk.charsets,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.net,jdk.naming.dns
# Desktop natives that would drag X11 and ALSA into the image; headless Java never loads them.
readonly JRE_GUI_LIBS="libawt_xawt.so libjawt.so libsplashscreen.so libjsound.so"

export DOCKER_BUILDKIT=0
stale_images=()

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }
say() { echo "airgap: $*"; }
fail() { echo "airgap: error: $*" >&2; exit 1; }

# --- helpers ---------------------------------------------------------------------------------

find_jdk() {
  local candidate major version best="" best_version=""
  for candidate in "${CETUS_JDK:-}" "${JAVA_HOME:-}"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/jlink" ] && [ -f "$candidate/release" ] || continue
    major=$(java_major "$candidate")
    if [ "${major:-0}" -ge 21 ]; then echo "$candidate"; return; fi
    [ "$candidate" = "${CETUS_JDK:-}" ] && fail "CETUS_JDK=$candidate is not a JDK 21+ with jlink"
  done
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/jlink" ] && [ -f "$candidate/release" ] && [ ! -L "$candidate" ] || continue
    major=$(java_major "$candidate")
    [ "${major:-0}" -ge 21 ] || continue
    version=$(java_version "$candidate")
    if [ -z "$best" ] || [ "$(printf '%s\n%s\n' "$best_version" "$version" | sort -V | tail -1)" = "$version" ]; then
      best=$candidate best_version=$version
    fi
  done
  [ -n "$best" ] || fail "no JDK 21+ with jlink found (set CETUS_JDK)"
  echo "$best"
}

java_version() { sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$1/release"; }
java_major() { java_version "$1" | cut -d. -f1; }

# Prints the shared libraries the given ELF files load, resolved on this machine, excluding those
# found under $1 (the runtime being packaged). Fails when one cannot be found at all.
lib_closure() {
  local own=$1 lib rest; shift
  { ldd "$@" 2>/dev/null || true; } | awk '
    $1 ~ /:$/ { next }
    $2 == "=>" && $3 == "not" { print "MISSING " $1; next }
    $2 == "=>" && $3 ~ /^\// { print $3; next }
    $1 ~ /^\// { print $1 }' | sort -u | while read -r lib rest; do
    if [ "$lib" = MISSING ]; then
      find "$own" -name "$rest" 2>/dev/null | grep -q . || fail "library $rest not found"
    elif [[ "$lib" != "$own"/* ]]; then
      echo "$lib"
    fi
  done
}

# Lists a Java runtime's native programs and libraries, without the desktop ones.
java_natives() {
  local file
  for file in "$1"/bin/* "$1"/lib/*.so "$1"/lib/server/*.so; do
    [[ " $JRE_GUI_LIBS " == *" $(basename "$file") "* ]] || echo "$file"
  done
}

# Copies files (symlinks followed) into a root file system at the same absolute paths.
copy_into() {
  local rootfs=$1 file; shift
  for file in "$@"; do
    mkdir -p "$rootfs$(dirname "$file")"
    cp -L "$file" "$rootfs$file"
  done
}

# Writes passwd, group, nsswitch.conf and /tmp: what glibc and a JVM expect of a system.
base_files() {
  local rootfs=$1 user=$2 uid=$3 home=$4
  mkdir -p "$rootfs/etc" "$rootfs/tmp" "$rootfs/root" "$rootfs$home"
  chmod 1777 "$rootfs/tmp"
  chmod 700 "$rootfs/root"
  printf 'root:x:0:0:root:/root:/bin/sh\n%s:x:%s:%s:%s:%s:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' \
    "$user" "$uid" "$uid" "$user" "$home" >"$rootfs/etc/passwd"
  printf 'root:x:0:\n%s:x:%s:\nnogroup:x:65534:\n' "$user" "$uid" >"$rootfs/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
}

# Packs a root file system owned by root, except the given directories owned by uid, so the
# image's ownership does not depend on who runs this script.
pack_rootfs() {
  local rootfs=$1 tarball=$2 uid=$3; shift 3
  local excludes=() dir
  for dir in "$@"; do excludes+=(--exclude ".$dir"); done
  tar -cf "$tarball" --numeric-owner --owner=0 --group=0 "${excludes[@]}" -C "$rootfs" .
  for dir in "$@"; do
    tar -rf "$tarball" --numeric-owner --owner="$uid" --group="$uid" -C "$rootfs" ".$dir"
  done
}

image_label() {
  docker image inspect -f "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null || true
}

image_id() { docker image inspect -f '{{ .Id }}' "$1" 2>/dev/null || true; }

image_size() {
  docker image inspect -f '{{ .Size }}' "$1" | awk '{ printf "%.1f MB", $1 / 1000000 }'
}

# docker build with the hash label; the build log is shown only when the build fails.
build() {
  local name=$1 hash=$2 context=$3; shift 3
  local previous log=$WORK/build.log
  previous=$(image_id "$name")
  if ! docker build --label "$HASH_LABEL=$hash" --label io.cetus.airgap=true -t "$name" "$@" \
    "$context" >"$log" 2>&1; then
    cat "$log" >&2
    fail "docker build of $name failed"
  fi
  if [ -n "$previous" ] && [ "$previous" != "$(image_id "$name")" ]; then
    stale_images+=("$previous")
  fi
}

# Builds image $1 with build_$2 unless its hash label already equals what $2_hash prints; prints
# one line either way.
ensure() {
  local name=$1 kind=$2 note=$3 started hash
  started=$(now)
  hash=$("${kind}_hash")
  if [ "$(image_label "$name" "$HASH_LABEL")" = "$hash" ]; then
    printf 'airgap: %-42s up to date  %6s  %9s  %s\n' "$name" "$(since "$started")" "$(image_size "$name")" "$note"
    return
  fi
  "build_$kind" "$name" "$hash"
  printf 'airgap: %-42s built       %6s  %9s  %s\n' "$name" "$(since "$started")" "$(image_size "$name")" "$note"
}

recipe() { declare -f "$@"; }

# --- JRE: jlink of the host JDK with its glibc closure, busybox for a shell ---------------------

jre_modules() {
  local available
  available=$("$JDK/bin/java" --list-modules | sed 's/@.*//')
  tr ',' '\n' <<<"$JRE_MODULES" | grep -Fxf <(echo "$available") | paste -sd,
}

jre_hash() {
  local natives libs
  mapfile -t natives < <(java_natives "$JDK")
  # the system libraries the JDK's natives load (a superset of what the image gets)
  libs=$(lib_closure "$JDK" "${natives[@]}")
  {
    recipe jre_modules java_natives build_jre base_files pack_rootfs lib_closure copy_into
    echo "$JDK"; cat "$JDK/release"; jre_modules
    sha256sum "$(command -v busybox)" /etc/ssl/certs/ca-certificates.crt $libs
  } | sha256sum | cut -c1-64
}

build_jre() {
  local name=$1 hash=$2 dir=$WORK/jre
  local rootfs=$dir/rootfs java_home=/opt/java/openjdk lib natives libs applet
  command -v busybox >/dev/null || fail "busybox not found: apt-get install -y busybox-static"
  ldd "$(command -v busybox)" >/dev/null 2>&1 && fail "$(command -v busybox) is not static: apt-get install -y busybox-static"
  rm -rf "$dir" && mkdir -p "$rootfs/opt/java" "$dir/context"
  "$JDK/bin/jlink" --add-modules "$(jre_modules)" --output "$rootfs$java_home" \
    --strip-debug --no-man-pages --no-header-files --compress=zip-6 --generate-cds-archive \
    >"$dir/jlink.log" 2>&1 || { cat "$dir/jlink.log" >&2; fail "jlink failed"; }
  for lib in $JRE_GUI_LIBS; do rm -f "$rootfs$java_home/lib/$lib"; done
  # Only used with heaps over 32 GB (no compressed oops); 15 MB saved.
  rm -f "$rootfs$java_home/lib/server/classes_nocoops.jsa"
  mapfile -t natives < <(java_natives "$rootfs$java_home")
  libs=$(lib_closure "$rootfs$java_home" "${natives[@]}")
  copy_into "$rootfs" $libs /lib/x86_64-linux-gnu/libgcc_s.so.1 /lib/x86_64-linux-gnu/libnss_files.so.2 \
    /lib/x86_64-linux-gnu/libnss_dns.so.2 /etc/ssl/certs/ca-certificates.crt
  mkdir -p "$rootfs/bin"
  cp "$(command -v busybox)" "$rootfs/bin/busybox"
  for applet in $(busybox --list-full); do
    [ -e "$rootfs/$applet" ] && continue
    mkdir -p "$rootfs/$(dirname "$applet")"
    ln -s /bin/busybox "$rootfs/$applet"
  done
  base_files "$rootfs" cetus 65532 /home/cetus
  pack_rootfs "$rootfs" "$dir/context/rootfs.tar" 65532 /home/cetus
  cat >"$dir/context/Dockerfile" <<EOF
FROM scratch
ADD rootfs.tar /
ENV JAVA_HOME=$java_home \\
    PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \\
    LANG=C.UTF-8
USER 65532:65532
WORKDIR /home/cetus
CMD ["java", "-version"]
EOF
  build "$name" "$hash" "$dir/context" \
    --label "org.opencontainers.image.title=Java $(java_version "$JDK") runtime (jlink, FROM scratch)" \
    --label "io.cetus.java.version=$(java_version "$JDK")"
}

# --- Redis: the host's redis-server and redis-cli with their libraries ------------------------

redis_binary() {
  local binary
  binary=$(command -v redis-server) || fail "redis-server not found: apt-get install -y redis-server"
  # Debian's redis-server is a symlink to redis-check-rdb: one binary that picks its role from
  # argv[0], so it must be copied under the name redis-server.
  readlink -f "$binary"
}

redis_hash() {
  local server cli libs
  server=$(redis_binary)
  cli=$(command -v redis-cli) || fail "redis-cli not found: apt-get install -y redis-tools"
  libs=$(lib_closure /nonexistent "$server" "$cli")
  {
    recipe redis_binary build_redis base_files pack_rootfs lib_closure copy_into
    sha256sum "$server" "$cli" $libs
  } | sha256sum | cut -c1-64
}

build_redis() {
  local name=$1 hash=$2 dir=$WORK/redis
  local rootfs=$dir/rootfs server cli libs
  server=$(redis_binary)
  cli=$(readlink -f "$(command -v redis-cli)")
  rm -rf "$dir" && mkdir -p "$rootfs/usr/local/bin" "$rootfs/data" "$dir/context"
  cp "$server" "$rootfs/usr/local/bin/redis-server"
  cp "$cli" "$rootfs/usr/local/bin/redis-cli"
  libs=$(lib_closure /nonexistent "$server" "$cli")
  copy_into "$rootfs" $libs
  base_files "$rootfs" redis 999 /data
  pack_rootfs "$rootfs" "$dir/context/rootfs.tar" 999 /data
  # Protected mode would refuse every client from another container: the official image's
  # entrypoint turns it off, so does this CMD (a compose command: override must keep it).
  cat >"$dir/context/Dockerfile" <<'EOF'
FROM scratch
ADD rootfs.tar /
ENV PATH=/usr/local/bin
USER 999:999
WORKDIR /data
VOLUME /data
EXPOSE 6379
CMD ["redis-server", "--protected-mode", "no"]
EOF
  build "$name" "$hash" "$dir/context" \
    --label "org.opencontainers.image.title=Redis $(redis-server --version | sed 's/.* v=\([^ ]*\).*/\1/') (host binary, FROM scratch)"
}

# --- Pause: the sandbox that holds a pod's network namespace ---------------------------------

pause_source() {
  cat <<'EOF'
/* Holds a pod's namespaces: sleeps until SIGTERM or SIGINT and then exits 0, reaping any orphaned
 * process it inherits as PID 1. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void stop(int signal) {
  (void) signal;
  _exit(0);
}

static void reap(int signal) {
  (void) signal;
  while (waitpid(-1, NULL, WNOHANG) > 0) {
  }
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "-v") == 0) {
    puts("cetus-pause 1");
    return 0;
  }
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = stop;
  sigaction(SIGTERM, &action, NULL);
  sigaction(SIGINT, &action, NULL);
  action.sa_handler = reap;
  action.sa_flags = SA_NOCLDSTOP | SA_RESTART;
  sigaction(SIGCHLD, &action, NULL);
  for (;;) {
    pause();
  }
}
EOF
}

pause_hash() {
  { recipe pause_source build_pause; gcc --version | head -1; } | sha256sum | cut -c1-64
}

build_pause() {
  local name=$1 hash=$2 dir=$WORK/pause
  command -v gcc >/dev/null || fail "gcc not found: apt-get install -y gcc libc6-dev"
  rm -rf "$dir" && mkdir -p "$dir/context"
  pause_source >"$dir/pause.c"
  gcc -static -Os -s -Wall -Werror -o "$dir/context/pause" "$dir/pause.c"
  cat >"$dir/context/Dockerfile" <<'EOF'
FROM scratch
COPY pause /pause
USER 65535:65535
ENTRYPOINT ["/pause"]
EOF
  build "$name" "$hash" "$dir/context" \
    --label "org.opencontainers.image.title=Pod sandbox (static C, FROM scratch)"
}

# --- Demo application and its proxy variant ----------------------------------------------------

demo_jar() { echo "$ROOT/demo-app/target/demo-app.jar"; }

# Packages the demo module when its jar is missing or older than its sources.
ensure_demo_jar() {
  local jar started
  jar=$(demo_jar)
  if [ -f "$jar" ] && [ -z "$(find "$ROOT/demo-app/src/main" "$ROOT/demo-app/pom.xml" -newer "$jar" -print -quit)" ]; then
    return
  fi
  started=$(now)
  JAVA_HOME=$JDK "$ROOT/mvnw" -q -B -pl demo-app package -DskipTests >"$WORK/maven.log" 2>&1 ||
    { cat "$WORK/maven.log" >&2; fail "building demo-app.jar failed"; }
  # The jar is reproducible: Maven leaves an identical one untouched, which would look stale.
  touch "$jar"
  say "$(printf '%-42s packaged    %6s' demo-app.jar "$(since "$started")")"
}

demo_hash() {
  { recipe build_demo; image_id "$JRE_IMAGE"; sha256sum "$(demo_jar)"; } | sha256sum | cut -c1-64
}

build_demo() {
  local name=$1 hash=$2 dir=$WORK/demo
  rm -rf "$dir" && mkdir -p "$dir"
  cp "$(demo_jar)" "$dir/demo-app.jar"
  # The memory hog allocates direct (off-heap) memory so that a leak ends in an OOM kill at the
  # container's limit; the JVM's own cap on direct memory (the heap size) is lifted for that.
  # Serial GC and C1 only: the smallest footprint and the fastest start for a tiny service.
  cat >"$dir/Dockerfile" <<EOF
ARG JRE_IMAGE
FROM \${JRE_IMAGE}
COPY demo-app.jar /app/demo-app.jar
ENV DEMO_VERSION=$DEMO_VERSION
EXPOSE 8080
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MaxDirectMemorySize=64g", "-jar", "/app/demo-app.jar"]
EOF
  build "$name" "$hash" "$dir" --build-arg "JRE_IMAGE=$JRE_IMAGE" \
    --label "org.opencontainers.image.title=Cetus demo application $DEMO_VERSION"
}

proxy_hash() { { recipe build_proxy; image_id "$DEMO_IMAGE"; } | sha256sum | cut -c1-64; }

# The demo application as an nginx stand-in: on port 80 it serves the demo endpoints, or, when
# BACKEND_HOST (or PROXY_TO) is set, forwards every request there instead.
build_proxy() {
  local name=$1 hash=$2 dir=$WORK/proxy
  rm -rf "$dir" && mkdir -p "$dir"
  cat >"$dir/Dockerfile" <<'EOF'
ARG DEMO_IMAGE
FROM ${DEMO_IMAGE}
ENV PORT=80
EXPOSE 80
EOF
  build "$name" "$hash" "$dir" --build-arg "DEMO_IMAGE=$DEMO_IMAGE" \
    --label "org.opencontainers.image.title=Cetus demo application as a proxy on port 80"
}

# --- The platform's services: <module>/Dockerfile FROM the JRE image, the module's jar ------------

service_jar() { echo "$ROOT/$1/target/$1-$SERVICE_VERSION.jar"; }
service_image() { echo "cetus/$1:$SERVICE_VERSION"; }

# The hash of the service whose module ensure_services names in SERVICE_MODULE.
service_hash() {
  {
    recipe build_service
    cat "$ROOT/$SERVICE_MODULE/Dockerfile" "$ROOT/$SERVICE_MODULE/.dockerignore"
    image_id "$JRE_IMAGE"
    sha256sum "$(service_jar "$SERVICE_MODULE")"
  } | sha256sum | cut -c1-64
}

# The module's own Dockerfile, the one docker-compose builds with a public base image; the context
# is the module's directory, of which its .dockerignore sends only the jar.
build_service() {
  local name=$1 hash=$2
  build "$name" "$hash" "$ROOT/$SERVICE_MODULE" --build-arg "JRE_IMAGE=$JRE_IMAGE" \
    --label "org.opencontainers.image.title=Cetus $SERVICE_MODULE $SERVICE_VERSION"
}

# Builds the service images; $1 is "required" (--services: a missing jar fails) or "optional".
ensure_services() {
  local mode=$1 entry module missing=()
  for entry in "${SERVICES[@]}"; do
    module=${entry%%:*}
    [ -f "$(service_jar "$module")" ] || missing+=("$module")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$mode" = required ] &&
      fail "no jar for ${missing[*]}: run ./mvnw -DskipTests package first"
    say "service images skipped: no jar for ${missing[*]} (./mvnw -DskipTests package, then --services)"
    return
  fi
  for entry in "${SERVICES[@]}"; do
    SERVICE_MODULE=${entry%%:*}
    ensure "$(service_image "$SERVICE_MODULE")" service "FROM $JRE_IMAGE"
  done
}

# --- main --------------------------------------------------------------------------------------

write_env() {
  local content
  content=$(cat <<EOF
# Written by scripts/airgap-images.sh: images built on this machine from local files only.
# docker-compose --env-file airgap.env up -d
CETUS_JRE_IMAGE=$JRE_IMAGE
CETUS_REDIS_IMAGE=$REDIS_IMAGE
CETUS_PAUSE_IMAGE=$PAUSE_IMAGE
CETUS_DEMO_IMAGE=$DEMO_IMAGE
CETUS_PROXY_IMAGE=$PROXY_IMAGE
CETUS_NGINX_IMAGE=$PROXY_IMAGE
$(for entry in "${SERVICES[@]}"; do echo "${entry#*:}=$(service_image "${entry%%:*}")"; done)
EOF
)
  if [ "$(cat "$ENV_FILE" 2>/dev/null)" != "$content" ]; then
    echo "$content" >"$ENV_FILE.tmp" && mv "$ENV_FILE.tmp" "$ENV_FILE"
  fi
}

# Removes the images this run replaced, if nothing else still names or uses them.
remove_stale() {
  local i
  for ((i = ${#stale_images[@]} - 1; i >= 0; i--)); do
    if [ -z "$(docker image inspect -f '{{ join .RepoTags "" }}' "${stale_images[i]}" 2>/dev/null)" ]; then
      docker image rm "${stale_images[i]}" >/dev/null 2>&1 || true
    fi
  done
}

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
}

main() {
  local started services=optional
  case "${1:-}" in
    "") ;;
    --services) services=required ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  started=$(now)
  command -v docker >/dev/null || fail "docker not found"
  docker info >/dev/null 2>&1 || fail "the Docker engine does not answer (start dockerd)"
  mkdir -p "$WORK"
  JDK=$(find_jdk)
  JRE_IMAGE=cetus/jre:$(java_major "$JDK")
  readonly JDK JRE_IMAGE

  ensure "$JRE_IMAGE" jre "jlink of $JDK"
  ensure "$REDIS_IMAGE" redis "host $(redis_binary)"
  ensure "$PAUSE_IMAGE" pause "static C"
  ensure_demo_jar
  ensure "$DEMO_IMAGE" demo "FROM $JRE_IMAGE"
  ensure "$PROXY_IMAGE" proxy "FROM $DEMO_IMAGE, PORT=80"
  ensure_services "$services"
  remove_stale
  write_env
  say "done in $(since "$started"); image variables in ${ENV_FILE#"$ROOT"/}"
}

main "$@"
