# Sourced by the checks that drive a server (browser-check, bad-input-check, fuzz-api).
#
# serve_on_free_port NAME LOG [VAR=VALUE...]: starts `.build/debug/praxis serve` on a port the system picks
# (--port 0) with the variables given, its output in LOG; sets `server` (its pid) and `port` (read from the
# port file it writes once listening) and returns once /healthz answers. Exits with LOG shown when the server
# dies or does not come up within a minute.
serve_on_free_port() {
    local name=$1 log=$2
    shift 2
    local port_file="$log.port"
    rm -f "$port_file"
    env "$@" .build/debug/praxis serve --port 0 --port-file "$port_file" --log-level warning >"$log" 2>&1 &
    server=$!
    local tries
    for ((tries = 0; tries < 600; tries++)); do
        [[ -s $port_file ]] && break
        kill -0 "$server" 2>/dev/null || break
        sleep 0.1
    done
    port=""
    [[ -s $port_file ]] && port=$(<"$port_file")
    if [[ -z $port ]] || ! curl -fs -o /dev/null --retry 10 --retry-connrefused --retry-delay 1 \
        "http://127.0.0.1:$port/healthz"; then
        echo "$name: praxis serve did not come up" >&2
        cat "$log" >&2
        exit 1
    fi
}
