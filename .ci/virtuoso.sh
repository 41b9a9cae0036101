#!/usr/bin/env bash
# A private Virtuoso Open Source instance for the tests: loopback only, its own database
# in a temporary directory, fresh passwords.
#
# In a script:   source .ci/virtuoso.sh; start_virtuoso; trap stop_virtuoso EXIT
# By hand:       .ci/virtuoso.sh start     (prints the env file to source)
#                .ci/virtuoso.sh stop
#
# start_virtuoso exports, and writes to $VIRTUOSO_ENV_FILE (default
# ${TMPDIR:-/tmp}/dikg-virtuoso.env), the settings tests/virtuoso_backend.py reads:
#   DIKG_TEST_VIRTUOSO_URL, DIKG_TEST_VIRTUOSO_UPDATE_URL, DIKG_TEST_VIRTUOSO_GSP_URL,
#   DIKG_TEST_VIRTUOSO_USER, DIKG_TEST_VIRTUOSO_PASSWORD
# Ports: VIRTUOSO_SQL_PORT (1111) and VIRTUOSO_HTTP_PORT (8890), both bound to 127.0.0.1.

VIRTUOSO_SQL_PORT="${VIRTUOSO_SQL_PORT:-1111}"
VIRTUOSO_HTTP_PORT="${VIRTUOSO_HTTP_PORT:-8890}"
VIRTUOSO_ENV_FILE="${VIRTUOSO_ENV_FILE:-${TMPDIR:-/tmp}/dikg-virtuoso.env}"
VIRTUOSO_INI_SOURCE="${VIRTUOSO_INI_SOURCE:-/etc/virtuoso-opensource-7/virtuoso.ini}"

_vlog() { echo "virtuoso: $*" >&2; }

install_virtuoso() {
    command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1 && return 0
    _vlog "installing virtuoso-opensource"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends virtuoso-opensource >/dev/null
}

_ini_set() {  # _ini_set FILE SECTION KEY VALUE: set KEY in [SECTION] (the first occurrence)
    python3 - "$@" <<'PY'
import re, sys
path, section, key, value = sys.argv[1:5]
lines = open(path, encoding="utf-8").read().splitlines()
out, current, done = [], None, False
for line in lines:
    m = re.match(r"^\s*\[(.+)\]\s*$", line)
    if m:
        if current == section and not done:
            out.append(f"{key} = {value}")
            done = True
        current = m.group(1)
    elif current == section and not done and re.match(rf"^\s*{re.escape(key)}\s*=", line):
        out.append(f"{key} = {value}")
        done = True
        continue
    elif current == section and re.match(rf"^\s*{re.escape(key)}\s*=", line):
        continue  # a later duplicate of a key already set
    out.append(line)
if not done:
    if current != section:
        out.append(f"[{section}]")
    out.append(f"{key} = {value}")
open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")
PY
}

start_virtuoso() {
    install_virtuoso || return 1
    VIRTUOSO_DIR="${VIRTUOSO_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/dikg-virtuoso.XXXXXX")}"
    export VIRTUOSO_DIR
    local db="$VIRTUOSO_DIR/db" ini="$VIRTUOSO_DIR/virtuoso.ini"
    mkdir -p "$db"
    cp "$VIRTUOSO_INI_SOURCE" "$ini"
    sed -i "s#/var/lib/virtuoso-opensource-7/db#$db#g" "$ini"
    _ini_set "$ini" Parameters ServerPort "127.0.0.1:$VIRTUOSO_SQL_PORT"
    _ini_set "$ini" HTTPServer ServerPort "127.0.0.1:$VIRTUOSO_HTTP_PORT"
    _ini_set "$ini" Parameters DirsAllowed ".,/usr/share/virtuoso-opensource-7/vad,$VIRTUOSO_DIR"
    _ini_set "$ini" Parameters NumberOfBuffers 170000
    _ini_set "$ini" Parameters MaxDirtyBuffers 130000
    _ini_set "$ini" HTTPServer ServerThreads 20
    _ini_set "$ini" HTTPServer MaxClientConnections 20

    if curl -s -o /dev/null "http://127.0.0.1:$VIRTUOSO_HTTP_PORT/" 2>/dev/null; then
        _vlog "port $VIRTUOSO_HTTP_PORT is taken; set VIRTUOSO_HTTP_PORT/VIRTUOSO_SQL_PORT"
        return 1
    fi
    (cd "$db" && exec virtuoso-t +foreground +configfile "$ini" >"$VIRTUOSO_DIR/server.out" 2>&1) &
    VIRTUOSO_PID=$!
    export VIRTUOSO_PID
    echo "$VIRTUOSO_PID" >"$VIRTUOSO_DIR/pid"

    local base="http://127.0.0.1:$VIRTUOSO_HTTP_PORT" i
    for i in $(seq 1 120); do
        if curl -sf -o /dev/null "$base/sparql?query=ASK%7B%7D"; then break; fi
        if ! kill -0 "$VIRTUOSO_PID" 2>/dev/null; then
            _vlog "server exited; see $VIRTUOSO_DIR/server.out and $db/virtuoso.log"
            tail -20 "$db/virtuoso.log" >&2 2>/dev/null
            return 1
        fi
        sleep 0.5
    done
    if ! curl -sf -o /dev/null "$base/sparql?query=ASK%7B%7D"; then
        _vlog "no answer from $base/sparql after 60 s"
        stop_virtuoso
        return 1
    fi

    local password
    password="$(python3 -c 'import secrets; print(secrets.token_hex(12))')"
    if ! isql-vt "127.0.0.1:$VIRTUOSO_SQL_PORT" dba dba \
        exec="USER_SET_PASSWORD('dba','$password'); USER_CHANGE_PASSWORD('dav','dav','$password'); checkpoint;" \
        >"$VIRTUOSO_DIR/isql.out" 2>&1; then
        _vlog "cannot set passwords; see $VIRTUOSO_DIR/isql.out"
        stop_virtuoso
        return 1
    fi

    export DIKG_TEST_VIRTUOSO_URL="$base/sparql"
    export DIKG_TEST_VIRTUOSO_UPDATE_URL="$base/sparql-auth"
    export DIKG_TEST_VIRTUOSO_GSP_URL="$base/sparql-graph-crud-auth"
    export DIKG_TEST_VIRTUOSO_USER=dba
    export DIKG_TEST_VIRTUOSO_PASSWORD="$password"
    umask 077
    cat >"$VIRTUOSO_ENV_FILE" <<EOF
export DIKG_TEST_VIRTUOSO_URL=$DIKG_TEST_VIRTUOSO_URL
export DIKG_TEST_VIRTUOSO_UPDATE_URL=$DIKG_TEST_VIRTUOSO_UPDATE_URL
export DIKG_TEST_VIRTUOSO_GSP_URL=$DIKG_TEST_VIRTUOSO_GSP_URL
export DIKG_TEST_VIRTUOSO_USER=$DIKG_TEST_VIRTUOSO_USER
export DIKG_TEST_VIRTUOSO_PASSWORD=$DIKG_TEST_VIRTUOSO_PASSWORD
export VIRTUOSO_DIR=$VIRTUOSO_DIR
export VIRTUOSO_PID=$VIRTUOSO_PID
EOF
    _vlog "running (pid $VIRTUOSO_PID) at $base/sparql; settings in $VIRTUOSO_ENV_FILE"
}

stop_virtuoso() {
    local pid="${VIRTUOSO_PID:-}"
    if [ -z "$pid" ] && [ -n "${VIRTUOSO_DIR:-}" ] && [ -f "$VIRTUOSO_DIR/pid" ]; then
        pid="$(cat "$VIRTUOSO_DIR/pid")"
    fi
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null
        local i
        for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    fi
    if [ -n "${VIRTUOSO_DIR:-}" ] && [ -d "$VIRTUOSO_DIR" ] && [ -z "${VIRTUOSO_KEEP:-}" ]; then
        rm -rf "$VIRTUOSO_DIR"
    fi
    rm -f "$VIRTUOSO_ENV_FILE"
    unset VIRTUOSO_PID
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    case "${1:-}" in
        start)
            start_virtuoso
            disown -a  # keep the server running after this script exits
            echo "$VIRTUOSO_ENV_FILE" ;;
        stop)
            # shellcheck disable=SC1090
            [ -f "$VIRTUOSO_ENV_FILE" ] && source "$VIRTUOSO_ENV_FILE"
            stop_virtuoso ;;
        *)
            echo "usage: $0 start|stop   (or: source $0; start_virtuoso; trap stop_virtuoso EXIT)" >&2
            exit 2 ;;
    esac
fi
