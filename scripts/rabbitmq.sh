#!/usr/bin/env bash
# A private RabbitMQ broker for tests and benchmarks: Debian's rabbitmq-server, bound to 127.0.0.1 on free
# ports, with its own node name, epmd, Erlang cookie, config, data and log directories, and a fresh vhost.
#
#   eval "$(scripts/rabbitmq.sh start)"    # installs rabbitmq-server when missing, starts, prints:
#                                           #   export KELOS_RABBITMQ_URL=amqp://guest:guest@127.0.0.1:PORT/VHOST
#                                           #   export KELOS_RABBITMQ_DIR=DIR
#   scripts/rabbitmq.sh stop "$KELOS_RABBITMQ_DIR"   # stops that broker and removes its directory
#   scripts/rabbitmq.sh pause "$KELOS_RABBITMQ_DIR"  # stops the node, keeps its data, ports and vhost
#   scripts/rabbitmq.sh resume "$KELOS_RABBITMQ_DIR" # starts the paused node again (same URL, queues kept)
#   scripts/rabbitmq.sh add-vhost "$KELOS_RABBITMQ_DIR"          # a fresh vhost on that broker; prints its URL
#   scripts/rabbitmq.sh delete-vhost "$KELOS_RABBITMQ_DIR" VHOST # deletes it with its queues
#
# pause/resume are for fault tests: a broker that goes away and comes back with its durable queues.
#
# The run directory is $KELOS_RABBITMQ_DIR when set (it must not hold a running broker), else
# <repo>/.cache/rabbitmq/run-<timestamp>-<pid>. Only the two export lines go to stdout; progress and errors go to
# stderr, and a broker that cannot be started is an error (non-zero exit), never a skip.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
rabbit_bin=/usr/lib/rabbitmq/bin
start_timeout="${KELOS_RABBITMQ_START_TIMEOUT:-60}"

say() { echo "rabbitmq.sh: $*" >&2; }
die() { say "error: $*"; exit 1; }

install_if_missing() {
  [ -x "$rabbit_bin/rabbitmq-server" ] && return 0
  say "installing rabbitmq-server from Debian"
  local sudo=
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq >&2 || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq rabbitmq-server >&2 || die "apt-get install rabbitmq-server failed"
  [ -x "$rabbit_bin/rabbitmq-server" ] || die "rabbitmq-server is installed but $rabbit_bin/rabbitmq-server is missing"
}

# Three distinct free loopback ports (AMQP, Erlang distribution, epmd): held open together while chosen.
free_ports() {
  python3 - <<'EOF'
import socket
held = [socket.socket() for _ in range(3)]
for s in held:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in held))
EOF
}

# The environment every rabbitmq command of this broker runs with (server, rabbitmqctl, diagnostics).
write_env() {
  local dir="$1" id="$2" amqp="$3" dist="$4" epmd="$5"
  cat >"$dir/env" <<EOF
export HOME='$dir'
export RABBITMQ_NODENAME='kelos-$id@localhost'
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$amqp
export RABBITMQ_DIST_PORT=$dist
export ERL_EPMD_ADDRESS=127.0.0.1
export ERL_EPMD_PORT=$epmd
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}'
export RABBITMQ_CONF_ENV_FILE='$dir/rabbitmq-env.conf'
export RABBITMQ_CONFIG_FILE='$dir/rabbitmq.conf'
export RABBITMQ_ADVANCED_CONFIG_FILE='$dir/advanced.config'
export RABBITMQ_ENABLED_PLUGINS_FILE='$dir/enabled_plugins'
export RABBITMQ_MNESIA_BASE='$dir/mnesia'
export RABBITMQ_LOG_BASE='$dir/log'
export RABBITMQ_PID_FILE='$dir/rabbitmq.pid'
export KELOS_RABBITMQ_AMQP_PORT=$amqp
EOF
  cat >"$dir/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:$amqp
loopback_users.guest = true
log.console = false
log.file.level = warning
EOF
  : >"$dir/rabbitmq-env.conf"
  # No plugins: no management listener to collide with another broker's.
  echo '[].' >"$dir/enabled_plugins"
}

show_logs() {
  local f
  for f in "$1"/log/*; do
    [ -s "$f" ] || continue
    say "last lines of $f:"
    tail -n 20 "$f" >&2 || true
  done
}

# shellcheck source=/dev/null
ctl() { (. "$1/env" && "$rabbit_bin/$2" "${@:3}"); }

# Running, and not a zombie: the start loop is the server's parent until it exits.
alive() {
  local pid state
  [ -f "$1/server.pid" ] || return 1
  pid="$(cat "$1/server.pid")"
  state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

# Starts the node of an existing broker directory and waits until it answers; on failure shows its logs and
# cleans up with "$2" (stop: remove the directory; pause: keep it).
launch() {
  local dir="$1" on_failure="$2"
  # shellcheck source=/dev/null
  (. "$dir/env" && cd "$dir" && exec setsid nohup "$rabbit_bin/rabbitmq-server" >>"$dir/log/server.out" 2>&1 </dev/null) &
  echo $! >"$dir/server.pid"

  local deadline=$((SECONDS + start_timeout))
  until ctl "$dir" rabbitmq-diagnostics -q ping >/dev/null 2>&1; do
    if ! alive "$dir"; then
      say "the broker exited while starting"
      show_logs "$dir"
      "$on_failure" "$dir" >/dev/null 2>&1 || true
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      say "the broker did not answer within ${start_timeout}s"
      show_logs "$dir"
      "$on_failure" "$dir" >/dev/null 2>&1 || true
      exit 1
    fi
    sleep 0.5
  done
  ctl "$dir" rabbitmqctl -q await_startup --timeout "$start_timeout" >&2 || { "$on_failure" "$dir" || true; die "the broker did not finish starting"; }
}

start() {
  install_if_missing
  command -v python3 >/dev/null || die "python3 is needed to pick free ports"
  command -v setsid >/dev/null || die "setsid (util-linux) is needed"
  local dir="${KELOS_RABBITMQ_DIR:-$repo/.cache/rabbitmq/run-$(date +%Y%m%d-%H%M%S)-$$}"
  if [ -f "$dir/server.pid" ] && alive "$dir"; then
    die "a broker started from $dir is still running (pid $(cat "$dir/server.pid")); stop it first"
  fi
  mkdir -p "$dir/log" "$dir/mnesia"
  dir="$(cd "$dir" && pwd)"
  local id amqp dist epmd vhost
  id="$(basename "$dir" | tr -c 'a-zA-Z0-9\n' '-')"
  read -r amqp dist epmd <<<"$(free_ports)"
  write_env "$dir" "$id" "$amqp" "$dist" "$epmd"

  say "starting node kelos-$id@localhost on 127.0.0.1:$amqp (data and logs in $dir)"
  launch "$dir" stop

  vhost="kelos-$(date +%s)-$RANDOM"
  ctl "$dir" rabbitmqctl -q add_vhost "$vhost" >&2 || { stop "$dir" || true; die "could not create vhost $vhost"; }
  ctl "$dir" rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*' >&2 \
    || { stop "$dir" || true; die "could not grant guest on vhost $vhost"; }
  echo "$vhost" >"$dir/vhost"
  say "ready: vhost $vhost"
  echo "export KELOS_RABBITMQ_URL=amqp://guest:guest@127.0.0.1:$amqp/$vhost"
  echo "export KELOS_RABBITMQ_DIR=$dir"
}

# Stops the node and waits until its process is gone; the directory stays.
halt() {
  local dir="$1"
  alive "$dir" || return 0
  local pid
  pid="$(cat "$dir/server.pid")"
  ctl "$dir" rabbitmqctl -q stop >/dev/null 2>&1 || true
  for _ in $(seq 1 40); do
    alive "$dir" || return 0
    sleep 0.25
  done
  say "rabbitmqctl stop did not stop pid $pid; killing its process group"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

broker_dir() {
  local dir="${1:-${KELOS_RABBITMQ_DIR:-}}"
  [ -n "$dir" ] || die "usage: $0 stop|pause|resume DIR"
  [ -f "$dir/env" ] || die "$dir is not a broker directory made by $0 start (no env file)"
  echo "$dir"
}

pause() {
  local dir
  dir="$(broker_dir "${1:-}")"
  halt "$dir"
  say "paused the broker of $dir (resume: $0 resume $dir)"
}

resume() {
  local dir
  dir="$(broker_dir "${1:-}")"
  if alive "$dir"; then
    say "the broker of $dir is running already"
    return 0
  fi
  launch "$dir" halt
  say "resumed the broker of $dir"
}

cleanup_epmd() {
  # This broker's own epmd (private port): it daemonizes, so it is not in the server's process group.
  # shellcheck source=/dev/null
  (. "$1/env" && epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1) || true
}

stop() {
  local dir
  dir="$(broker_dir "${1:-}")"
  halt "$dir"
  cleanup_epmd "$dir"
  rm -rf -- "$dir"
  say "stopped and removed $dir"
}

add_vhost() {
  local dir amqp vhost
  dir="$(broker_dir "${1:-}")"
  # shellcheck source=/dev/null
  amqp="$(. "$dir/env" && echo "$KELOS_RABBITMQ_AMQP_PORT")"
  vhost="kelos-$(date +%s)-$RANDOM$RANDOM"
  ctl "$dir" rabbitmqctl -q add_vhost "$vhost" >&2 || die "could not create vhost $vhost"
  ctl "$dir" rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*' >&2 || die "could not grant guest on vhost $vhost"
  echo "amqp://guest:guest@127.0.0.1:$amqp/$vhost"
}

delete_vhost() {
  local dir
  dir="$(broker_dir "${1:-}")"
  [ -n "${2:-}" ] || die "usage: $0 delete-vhost DIR VHOST"
  ctl "$dir" rabbitmqctl -q delete_vhost "$2" >&2 || die "could not delete vhost $2"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  pause) pause "${2:-}" ;;
  resume) resume "${2:-}" ;;
  add-vhost) add_vhost "${2:-}" ;;
  delete-vhost) delete_vhost "${2:-}" "${3:-}" ;;
  *) echo "usage: $0 start | stop DIR | pause DIR | resume DIR | add-vhost DIR | delete-vhost DIR VHOST" >&2; exit 2 ;;
esac
