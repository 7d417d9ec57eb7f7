# Shared by scripts/start and scripts/test. Sourced, not run.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
APPS=(gateway booking frontdesk notifications analytics)
# Node flags of every app process (scripts/start, the Dockerfile and bench:booking use the same): a
# 64 MB young generation, because GC was ≈ 20 % of the app processes' CPU under load (A/B in the
# commit that set it). Costs up to ~190 MB more young-generation memory per process at peak.
APP_NODE_FLAGS="${APP_NODE_FLAGS:---max-semi-space-size=64}"
declare -A PORTS=([gateway]=3000 [booking]=3001 [frontdesk]=3002 [notifications]=3003 [analytics]=3004)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
warn() { printf '\033[1;33m!!! %s\033[0m\n' "$*" >&2; }
die() { printf '\033[1;31mxxx %s\033[0m\n' "$*" >&2; exit 1; }

require_node() {
  command -v node >/dev/null || die "Node.js 20 or newer is needed (Debian: apt-get install -y nodejs npm)."
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || die "Node.js 20 or newer is needed, found $(node -v)."
}

# host and port of a URL like nats://127.0.0.1:4222 (default port when absent)
host_of() { local rest=${1#*://}; rest=${rest##*@}; rest=${rest%%/*}; echo "${rest%%:*}"; }
port_of() { local rest=${1#*://}; rest=${rest##*@}; rest=${rest%%/*}; [[ $rest == *:* ]] && echo "${rest##*:}" || echo "$2"; }

reachable() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# NATS (with JetStream) and Redis must run before the apps start or the tests run. We do not start
# them ourselves: they are system services, and how they run (Debian package, compose) is the
# operator's choice. We say exactly how instead.
check_services() {
  local nats_url=${NATS_URL:-nats://127.0.0.1:4222} redis_url=${REDIS_URL:-redis://127.0.0.1:6379} missing=0
  local nh np rh rp
  nh=$(host_of "$nats_url"); np=$(port_of "$nats_url" 4222)
  rh=$(host_of "$redis_url"); rp=$(port_of "$redis_url" 6379)
  if ! reachable "$nh" "$np"; then
    missing=1
    warn "NATS is not reachable at $nh:$np. Start it (Debian package nats-server) with:"
    echo >&2 "    start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log"
  fi
  if ! reachable "$rh" "$rp"; then
    missing=1
    warn "Redis is not reachable at $rh:$rp. Start it (Debian package redis-server) with:"
    echo >&2 "    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save \"\" --appendonly no"
  fi
  if [ "$missing" = 1 ]; then
    echo >&2 "  or run both in containers:  docker compose up -d nats redis"
    die "Start the missing service(s) above, then run this command again."
  fi
  say "NATS at $nh:$np and Redis at $rh:$rp are reachable"
}

# npm ci when node_modules is missing or older than package-lock.json.
ensure_installed() {
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "Installing dependencies (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund) || die "npm ci failed"
  fi
}
