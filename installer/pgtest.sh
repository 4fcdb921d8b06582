#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Refund Guard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A throwaway PostgreSQL server for the test suite, kept entirely inside one directory.
#   installer/pgtest.sh start DIR   initdb into DIR/data, start the server on 127.0.0.1 at a free
#                                   port, create the database refundguard_test and print its URL,
#                                   postgresql://rg_admin:PASSWORD@127.0.0.1:PORT/refundguard_test,
#                                   as the only line on stdout
#   installer/pgtest.sh stop DIR    stop that server and remove DIR
#   installer/pgtest.sh pause DIR   stop that server but keep its data (an outage, for tests)
#   installer/pgtest.sh resume DIR  start it again on the same port
# The superuser rg_admin gets a random password (DIR/password, mode 0600), and every connection,
# over TCP or the unix socket in DIR/socket, must present it. PostgreSQL refuses to run as root,
# so under root the server runs as the postgres user and DIR is handed to it.
set -euo pipefail

readonly user=rg_admin
readonly database=refundguard_test
readonly marker=.pgtest

die() {
  echo "pgtest: $*" >&2
  exit 1
}

# Prints the last lines of each log that exists, for a failure message.
show_logs() {
  local log
  for log in "$@"; do
    [ -s "$log" ] || continue
    echo "pgtest: --- last lines of $log ---" >&2
    tail -n 25 "$log" >&2
  done
}

# The newest installed server's bin directory; Debian keeps it out of PATH.
pg_bin() {
  local bindir newest=
  newest=$(for bindir in /usr/lib/postgresql/*/bin; do
             if [ -x "$bindir/initdb" ]; then basename "$(dirname "$bindir")"; fi
           done | sort -V | tail -n 1)
  [ -n "$newest" ] || die "no PostgreSQL server in /usr/lib/postgresql/*/bin (run installer/deps-debian.sh)"
  echo "/usr/lib/postgresql/$newest/bin"
}

# Runs a server program as the user who owns the cluster: postgres under root, else ourselves.
# The working directory moves to DIR, which that user can always enter.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd "$dir" && runuser -u postgres -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

# A TCP port nobody listens on right now. The server may still lose it to a race; start retries.
free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
  else
    echo $((20000 + RANDOM % 40000))
  fi
}

# A single-quoted postgresql.conf string.
conf_string() {
  printf "'%s'" "${1//\'/\'\'}"
}

start() {
  local bin password port attempt started=false
  bin=$(pg_bin)
  mkdir -p "$dir"
  [ -z "$(ls -A "$dir")" ] || die "$dir is not empty; start needs a fresh directory"
  touch "$dir/$marker"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no postgres user to run the server"
    chown postgres: "$dir"
    runuser -u postgres -- test -w "$dir" \
      || die "the postgres user cannot write to $dir (is a parent directory private to root?)"
  fi

  # Hex keeps the password safe to put in a URL unescaped.
  password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  (umask 077 && printf '%s\n' "$password" >"$dir/password")
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir/password"; fi

  # --no-sync: a throwaway cluster need not survive a power cut, and syncing it costs seconds.
  if ! as_owner "$bin/initdb" --pgdata="$dir/data" --username="$user" --pwfile="$dir/password" \
      --auth=scram-sha-256 --encoding=UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1; then
    show_logs "$dir/initdb.log"
    die "initdb into $dir/data failed"
  fi
  as_owner mkdir -m 0700 "$dir/socket"
  {
    echo
    echo "# installer/pgtest.sh: a test server, reachable from this machine only"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = $(conf_string "$dir/socket")"
  } >>"$dir/data/postgresql.conf"

  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    # pg_ctl appends to the log as the cluster owner, so a stale log is removed, not truncated.
    rm -f "$dir/server.log"
    if as_owner "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait --timeout=60 \
        --options="-p $port" start >"$dir/pg_ctl.log" 2>&1; then
      started=true
      break
    fi
    grep -q 'could not bind\|Address already in use' "$dir/server.log" 2>/dev/null || break
    echo "pgtest: port $port was taken, trying another (attempt $attempt)" >&2
  done
  if [ "$started" != true ]; then
    show_logs "$dir/pg_ctl.log" "$dir/server.log"
    die "the server in $dir/data did not start"
  fi

  if ! PGPASSWORD=$password PGCONNECT_TIMEOUT=10 "$bin/createdb" --host=127.0.0.1 --port="$port" \
      --username="$user" "$database" >"$dir/createdb.log" 2>&1; then
    show_logs "$dir/createdb.log" "$dir/server.log"
    stop_server "$bin" || true
    die "creating the database $database failed; the server was stopped"
  fi
  echo "$port" >"$dir/port"
  echo "postgresql://$user:$password@127.0.0.1:$port/$database"
}

# Stops the server if it runs: fast first, which disconnects clients, immediate as a last resort.
stop_server() {
  local bin=$1
  [ -f "$dir/data/postmaster.pid" ] || return 0
  as_owner "$bin/pg_ctl" --pgdata="$dir/data" --mode=fast --wait --timeout=60 stop \
      >"$dir/pg_ctl.log" 2>&1 && return 0
  as_owner "$bin/pg_ctl" --pgdata="$dir/data" --mode=immediate --wait --timeout=30 stop \
      >>"$dir/pg_ctl.log" 2>&1
}

stop() {
  [ -e "$dir" ] || return 0
  # Only ever delete a directory start set up, whatever path stop is handed.
  [ -f "$dir/$marker" ] || die "$dir was not set up by installer/pgtest.sh start; not touching it"
  if ! stop_server "$(pg_bin)"; then
    show_logs "$dir/pg_ctl.log" "$dir/server.log"
    die "could not stop the server in $dir/data; left $dir in place"
  fi
  rm -rf "$dir"
}

pause() {
  [ -f "$dir/$marker" ] || die "$dir was not set up by installer/pgtest.sh start"
  if ! stop_server "$(pg_bin)"; then
    show_logs "$dir/pg_ctl.log" "$dir/server.log"
    die "could not stop the server in $dir/data"
  fi
}

resume() {
  if [ ! -f "$dir/$marker" ] || [ ! -f "$dir/port" ]; then
    die "$dir was not set up by installer/pgtest.sh start"
  fi
  if ! as_owner "$(pg_bin)/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait \
      --timeout=60 --options="-p $(cat "$dir/port")" start >"$dir/pg_ctl.log" 2>&1; then
    show_logs "$dir/pg_ctl.log" "$dir/server.log"
    die "the server in $dir/data did not start again"
  fi
}

usage="usage: installer/pgtest.sh start|stop|pause|resume DIR"
[ $# -eq 2 ] || { echo "$usage" >&2; exit 2; }
dir=$(realpath -m -- "$2")
case "$1" in
  start) start ;;
  stop) stop ;;
  pause) pause ;;
  resume) resume ;;
  *)
    echo "$usage" >&2
    exit 2
    ;;
esac
