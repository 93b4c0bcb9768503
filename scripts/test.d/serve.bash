# Sourced by the scripts that drive a server (browser-check, bad-input-check, fuzz-api, the bench-* scripts).
#
# serve_on_free_port NAME LOG BINARY [VAR=VALUE...] [-- OPTION...]: starts `BINARY serve` on a port the system
# picks (--port 0) with the variables and serve options given, its output in LOG; sets `server` (its pid) and
# `port` (read from the port file it writes once listening) and returns once /readyz answers. Exits with LOG
# shown when the server dies or does not come up within a minute.
serve_on_free_port() {
    local name=$1 log=$2 binary=$3
    shift 3
    local variables=() options=()
    while (($# > 0)) && [[ $1 != -- ]]; do
        variables+=("$1")
        shift
    done
    (($# > 0)) && shift
    options=("$@")
    local port_file="$log.port"
    rm -f "$port_file"
    env "${variables[@]}" "$binary" serve --port 0 --port-file "$port_file" "${options[@]}" >"$log" 2>&1 &
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
        "http://127.0.0.1:$port/readyz"; then
        echo "$name: praxis serve did not come up" >&2
        cat "$log" >&2
        exit 1
    fi
}
