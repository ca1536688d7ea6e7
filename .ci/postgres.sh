# Sourced by .ci/run: installs PostgreSQL from Debian's packages if needed, starts a throwaway
# cluster on a free loopback port (initdb into a temporary folder, pg_ctl start), exports
# DATABASE_URL (and VIO_TEST_POSTGRES_BIN) for the tests and stops the cluster when the shell exits.
# Standalone: `source .ci/postgres.sh` in a shell gives the same for a local `swift test`.

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update
    apt-get install -y --no-install-recommends postgresql
fi
vio_pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

# initdb and postgres refuse to run as root: the cluster belongs to the postgres user then.
vio_pg_as() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

vio_pg_dir=$(mktemp -d /tmp/vio-postgres.XXXXXX)
vio_pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
vio_pg_password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
if [ "$(id -u)" = 0 ]; then chown postgres "$vio_pg_dir"; fi
printf '%s\n' "$vio_pg_password" > "$vio_pg_dir/password"
if [ "$(id -u)" = 0 ]; then chown postgres "$vio_pg_dir/password"; fi

vio_pg_as "$vio_pg_bin/initdb" -D "$vio_pg_dir/data" -U vio --pwfile="$vio_pg_dir/password" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$vio_pg_dir/initdb.log"
vio_pg_as "$vio_pg_bin/pg_ctl" -D "$vio_pg_dir/data" -l "$vio_pg_dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$vio_pg_port -c unix_socket_directories=$vio_pg_dir -c max_connections=300 -c fsync=off" start >/dev/null

vio_pg_stop() {
    vio_pg_as "$vio_pg_bin/pg_ctl" -D "$vio_pg_dir/data" -m fast stop >/dev/null || true
    rm -rf "$vio_pg_dir"
}
trap vio_pg_stop EXIT

export DATABASE_URL="postgres://vio:$vio_pg_password@127.0.0.1:$vio_pg_port/postgres?sslmode=disable"
# Where initdb and pg_ctl are, for the tests that start and stop a cluster of their own.
export VIO_TEST_POSTGRES_BIN="$vio_pg_bin"
echo "PostgreSQL $("$vio_pg_bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$vio_pg_port"
