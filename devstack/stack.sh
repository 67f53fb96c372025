# shellcheck shell=bash
# The local, Docker-free newslens stack: PostgreSQL (the machine's), Kafka (KRaft) and Keycloak from Maven
# Central artifacts, and the four Quarkus services. Sourced by ../newslens; every function here is internal.

KAFKA_VERSION=4.1.1
KEYCLOAK_VERSION=26.4.7
SERVICES=(ingest-service nlp-service query-service gateway)
ALL_PARTS=(postgres kafka keycloak "${SERVICES[@]}")
TOOLS="$ROOT/.newslens/tools"
PROFILE="${NEWSLENS_PROFILE:-dev}"

die() { echo "newslens: $*" >&2; exit 1; }
say() { echo "newslens: $*"; }

parse_profile() {
    REMAINING_ARGS=()
    while [ $# -gt 0 ]; do
        case "$1" in
            --profile) PROFILE="${2:?--profile needs dev or test}"; shift 2 ;;
            --profile=*) PROFILE="${1#--profile=}"; shift ;;
            *) REMAINING_ARGS+=("$1"); shift ;;
        esac
    done
    apply_profile
}

apply_profile() {
    case "$PROFILE" in
        dev) OFFSET=0; DB_SUFFIX="" ;;
        test) OFFSET=10000; DB_SUFFIX="_test" ;;
        *) die "unknown profile '$PROFILE' (dev or test)" ;;
    esac
    STATE="$ROOT/.newslens/$PROFILE"
    LOGS="$STATE/logs"
    RUN="$STATE/run"
    GATEWAY_PORT=$((8080 + OFFSET))
    INGEST_PORT=$((8081 + OFFSET))
    NLP_PORT=$((8082 + OFFSET))
    QUERY_PORT=$((8083 + OFFSET))
    KEYCLOAK_PORT=$((8180 + OFFSET))
    KAFKA_PORT=$((9092 + OFFSET))
    KAFKA_CONTROLLER_PORT=$((9093 + OFFSET))
    PG_HOST=127.0.0.1
    PG_PORT=5432
    KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
    REALM_URL="$KEYCLOAK_URL/realms/newslens"
    GATEWAY_URL="http://localhost:$GATEWAY_PORT"
}

port_of() {
    case "$1" in
        gateway) echo "$GATEWAY_PORT" ;;
        ingest-service) echo "$INGEST_PORT" ;;
        nlp-service) echo "$NLP_PORT" ;;
        query-service) echo "$QUERY_PORT" ;;
        keycloak) echo "$KEYCLOAK_PORT" ;;
        kafka) echo "$KAFKA_PORT" ;;
        postgres) echo "$PG_PORT" ;;
    esac
}

# ---------------------------------------------------------------- processes

pid_file() { echo "$RUN/$1.pid"; }

is_running() {
    local pid_file pid
    pid_file="$(pid_file "$1")"
    [ -f "$pid_file" ] || return 1
    pid="$(cat "$pid_file")"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Starts a command in its own session (so `down` can stop it with all its children) and records its pid.
spawn() {
    local name="$1"; shift
    mkdir -p "$LOGS" "$RUN"
    echo "=== $(date -Is) starting $name" >>"$LOGS/$name.log"
    # close inherited descriptors (a caller's lock file, say): long-running servers must not hold them
    (
        for fd in /proc/self/fd/*; do
            fd="${fd##*/}"
            if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-" 2>/dev/null || true; fi
        done
        exec setsid "$@" >>"$LOGS/$name.log" 2>&1 </dev/null
    ) &
    echo $! >"$(pid_file "$name")"
}

stop_part() {
    local name="$1" pid_file pid
    pid_file="$(pid_file "$name")"
    [ -f "$pid_file" ] || return 0
    pid="$(cat "$pid_file")"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$pid" 2>/dev/null; then
            kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
        fi
        say "stopped $name"
    fi
    rm -f "$pid_file"
}

wait_for() {
    local name="$1" seconds="$2" check="$3"
    local waited=0
    while ! eval "$check"; do
        if ! is_running "$name"; then
            echo "--- last lines of $LOGS/$name.log:" >&2
            tail -n 40 "$LOGS/$name.log" >&2 || true
            die "$name exited during start"
        fi
        if [ "$waited" -ge "$seconds" ]; then
            tail -n 40 "$LOGS/$name.log" >&2 || true
            die "$name not ready after ${seconds}s (log: $LOGS/$name.log)"
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

# ---------------------------------------------------------------- PostgreSQL

pg_ready() { pg_isready -h "$PG_HOST" -p "$PG_PORT" -q 2>/dev/null; }

ensure_postgres() {
    if pg_ready; then return 0; fi
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
            say "PostgreSQL is not installed; installing it from Debian packages"
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
        else
            die "PostgreSQL is not installed and not reachable on $PG_HOST:$PG_PORT. Install it (Debian: apt-get install postgresql) with trust auth for 'postgres' on 127.0.0.1, or run one there."
        fi
    fi
    local version
    version="$(ls /etc/postgresql | sort -V | tail -n 1)"
    say "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do pg_ready && return 0; sleep 1; done
    die "PostgreSQL did not start on $PG_HOST:$PG_PORT"
}

psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

ensure_database() {
    local db="$1"
    if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
        psql_admin -c "CREATE DATABASE $db" >/dev/null
        say "created database $db"
    fi
}

ensure_databases() {
    ensure_postgres
    local svc
    for svc in ingest nlp query; do ensure_database "newslens_${svc}${DB_SUFFIX}"; done
}

# ---------------------------------------------------------------- tools from Maven Central

ensure_tools() {
    if [ -f "$TOOLS/kafka-$KAFKA_VERSION/lib/kafka_2.13-$KAFKA_VERSION.jar" ] && [ -x "$TOOLS/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" ]; then
        return 0
    fi
    say "fetching Kafka $KAFKA_VERSION and Keycloak $KEYCLOAK_VERSION from Maven Central"
    mkdir -p "$TOOLS"
    mvn -B -q -ntp -f "$ROOT/devstack/pom.xml" package -Dstack.dir="$TOOLS" \
        -Dkafka.version="$KAFKA_VERSION" -Dkeycloak.version="$KEYCLOAK_VERSION" >"$TOOLS/fetch.log" 2>&1 \
        || { tail -n 30 "$TOOLS/fetch.log" >&2; die "fetching the stack's tools failed (log: $TOOLS/fetch.log)"; }
}

# ---------------------------------------------------------------- Kafka

start_kafka() {
    if is_running kafka; then return 0; fi
    if port_open "$KAFKA_PORT"; then die "port $KAFKA_PORT is taken by something that is not this stack's Kafka"; fi
    ensure_tools
    local dir="$STATE/kafka"
    mkdir -p "$dir/data"
    sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
        -e "s|@DATA_DIR@|$dir/data|g" "$ROOT/devstack/kafka/server.properties" >"$dir/server.properties"
    local classpath="$TOOLS/kafka-$KAFKA_VERSION/lib/*"
    local jvm=(java -Xms128m -Xmx384m -XX:+UseSerialGC -Dlog4j2.configurationFile="$ROOT/devstack/kafka/log4j2.properties")
    if [ ! -f "$dir/data/meta.properties" ]; then
        say "formatting the Kafka log directory"
        "${jvm[@]}" -cp "$classpath" kafka.tools.StorageTool format --standalone -t "$(cat "$ROOT/devstack/kafka/cluster-id")" \
            -c "$dir/server.properties" --ignore-formatted >>"$LOGS/kafka.log" 2>&1 || die "formatting Kafka storage failed"
    fi
    say "starting Kafka on 127.0.0.1:$KAFKA_PORT"
    spawn kafka "${jvm[@]}" -cp "$classpath" kafka.Kafka "$dir/server.properties"
}

# ---------------------------------------------------------------- Keycloak

start_keycloak() {
    if is_running keycloak; then return 0; fi
    if port_open "$KEYCLOAK_PORT"; then die "port $KEYCLOAK_PORT is taken by something that is not this stack's Keycloak"; fi
    ensure_tools
    local home="$STATE/keycloak"
    if [ ! -x "$home/bin/kc.sh" ]; then
        mkdir -p "$STATE"
        cp -a "$TOOLS/keycloak-$KEYCLOAK_VERSION" "$home"
    fi
    # --import-realm skips a realm that exists: re-import when the realm file changed.
    local realm="$ROOT/devstack/keycloak/newslens-realm.json" sum
    sum="$(sha256sum "$realm" | cut -d' ' -f1)"
    if [ "$(cat "$home/data/.realm-sha256" 2>/dev/null)" != "$sum" ]; then
        rm -rf "$home/data/h2"
        mkdir -p "$home/data/import"
        cp "$realm" "$home/data/import/newslens-realm.json"
        echo "$sum" >"$home/data/.realm-sha256"
    fi
    say "starting Keycloak on $KEYCLOAK_URL"
    spawn keycloak env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
        JAVA_OPTS_APPEND="-XX:TieredStopAtLevel=1" \
        "$home/bin/kc.sh" start-dev --http-port="$KEYCLOAK_PORT" --http-host=127.0.0.1 \
        --hostname="$KEYCLOAK_URL" --import-realm
}

keycloak_ready() { curl -sf -o /dev/null "$REALM_URL/.well-known/openid-configuration"; }

# The test stack's realm also trusts a key the tests hold (devstack/keycloak/test-signing-key.pem), so the token
# matrix can sign deliberately wrong tokens (expired, not yet valid, wrong issuer or audience) with a valid signature.
install_test_signing_key() {
    [ "$PROFILE" = test ] || return 0
    local admin keys pem body
    admin="$(curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
        "$KEYCLOAK_URL/realms/master/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
    [ -n "$admin" ] || die "cannot get an admin token from the test Keycloak"
    keys="$(curl -sf -H "Authorization: Bearer $admin" "$KEYCLOAK_URL/admin/realms/newslens/components?name=newslens-test-key")"
    case "$keys" in *newslens-test-key*) return 0 ;; esac
    pem="$(sed ':a;N;$!ba;s/\n/\\n/g' "$ROOT/devstack/keycloak/test-signing-key.pem")"
    body="{\"name\":\"newslens-test-key\",\"providerId\":\"rsa\",\"providerType\":\"org.keycloak.keys.KeyProvider\",\"config\":{\"priority\":[\"10\"],\"enabled\":[\"true\"],\"active\":[\"true\"],\"algorithm\":[\"RS256\"],\"privateKey\":[\"$pem\"]}}"
    curl -sf -o /dev/null -X POST -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
        --data "$body" "$KEYCLOAK_URL/admin/realms/newslens/components" || die "cannot add the test signing key"
    say "added the test signing key to the test realm"
}

# ---------------------------------------------------------------- services

service_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

stale_services() {
    local svc jar
    for svc in "$@"; do
        jar="$(service_jar "$svc")"
        if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/$svc/src/main" "$ROOT/$svc/pom.xml" "$ROOT/contracts/src/main" "$ROOT/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
            echo "$svc"
        fi
    done
}

build_services() {
    local stale
    stale="$(stale_services "$@" | paste -sd, -)"
    [ -n "$stale" ] || return 0
    say "building $stale (mvn package, log: $ROOT/.newslens/build.log)"
    mkdir -p "$ROOT/.newslens"
    (cd "$ROOT" && mvn -B -ntp -DskipTests package -pl "$stale" -am) >"$ROOT/.newslens/build.log" 2>&1 \
        || { tail -n 40 "$ROOT/.newslens/build.log" >&2; die "build failed (log: $ROOT/.newslens/build.log)"; }
}

service_env() {
    local svc="$1"
    echo "QUARKUS_HTTP_PORT=$(port_of "$svc")"
    echo "QUARKUS_HTTP_HOST=127.0.0.1"
    echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT"
    echo "QUARKUS_OIDC_AUTH_SERVER_URL=$REALM_URL"
    echo "NEWSLENS_INGEST_URL=http://127.0.0.1:$INGEST_PORT"
    echo "NEWSLENS_NLP_URL=http://127.0.0.1:$NLP_PORT"
    echo "NEWSLENS_QUERY_URL=http://127.0.0.1:$QUERY_PORT"
    echo "NEWSLENS_PUBLIC_URL=$GATEWAY_URL"
    if [ "$PROFILE" = dev ]; then echo "QUARKUS_SWAGGER_UI_ENABLE=true"; fi
    # spans as JSON lines for `./newslens trace` (no collector here; in Kubernetes they go over OTLP), plain-text logs
    echo "NEWSLENS_TRACING_FILE_ENABLED=true"
    echo "NEWSLENS_TRACING_FILE_PATH=$STATE/traces/$svc.jsonl"
    echo "QUARKUS_LOG_CONSOLE_JSON_ENABLED=false"
    if [ "$svc" = ingest-service ] && [ "$PROFILE" = test ]; then
        # the end-to-end tests serve pages and feeds from a local HTTP server
        echo "NEWSLENS_INGEST_FETCH_ALLOW_PRIVATE_HOSTS=127.0.0.1,localhost"
    fi
    case "$svc" in
        ingest-service) echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/newslens_ingest$DB_SUFFIX" ;;
        nlp-service) echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/newslens_nlp$DB_SUFFIX" ;;
        query-service) echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/newslens_query$DB_SUFFIX" ;;
    esac
}

service_heap() {
    case "$1" in
        nlp-service) echo "-Xmx3g" ;;
        query-service) echo "-Xmx1g" ;;
        *) echo "-Xmx512m" ;;
    esac
}

start_service() {
    local svc="$1"
    if is_running "$svc"; then return 0; fi
    local port
    port="$(port_of "$svc")"
    if port_open "$port"; then die "port $port is taken by something that is not this stack's $svc"; fi
    local env_args=()
    while IFS= read -r line; do env_args+=("$line"); done < <(service_env "$svc")
    say "starting $svc on 127.0.0.1:$port"
    spawn "$svc" env "${env_args[@]}" java "$(service_heap "$svc")" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
        -jar "$(service_jar "$svc")"
}

service_ready() { curl -sf -o /dev/null "http://127.0.0.1:$(port_of "$1")/q/health/ready"; }

# ---------------------------------------------------------------- commands

cmd_up() {
    local parts=("$@")
    [ ${#parts[@]} -gt 0 ] || parts=("${ALL_PARTS[@]}")
    local part services=()
    for part in "${parts[@]}"; do
        case " ${ALL_PARTS[*]} " in *" $part "*) ;; *) die "unknown part '$part' (${ALL_PARTS[*]})" ;; esac
        case " ${SERVICES[*]} " in *" $part "*) services+=("$part") ;; esac
    done
    local started=$SECONDS
    mkdir -p "$LOGS" "$RUN"
    for part in "${parts[@]}"; do
        case "$part" in postgres) ensure_databases ;; esac
    done
    if [ ${#services[@]} -gt 0 ]; then
        ensure_databases
        build_services "${services[@]}"
    fi
    # Start everything first, then wait: the JVMs warm up in parallel.
    for part in "${parts[@]}"; do
        case "$part" in kafka) start_kafka ;; keycloak) start_keycloak ;; esac
    done
    for part in "${parts[@]}"; do
        case "$part" in kafka) wait_for kafka 90 "port_open $KAFKA_PORT" ;; esac
    done
    for part in "${services[@]}"; do start_service "$part"; done
    for part in "${parts[@]}"; do
        case "$part" in keycloak) wait_for keycloak 240 keycloak_ready; install_test_signing_key ;; esac
    done
    for part in "${services[@]}"; do wait_for "$part" 300 "service_ready $part"; done
    say "up in $((SECONDS - started))s (profile $PROFILE)"
    if [ "$PROFILE" = dev ] && [ ${#services[@]} -eq ${#SERVICES[@]} ]; then
        ingest_samples_once
        print_welcome
    fi
}

ingest_samples_once() {
    local marker="$STATE/.samples-ingested"
    [ -f "$marker" ] && return 0
    say "ingesting the sample articles in samples/"
    if cmd_ingest "$ROOT/samples"; then
        date -Is >"$marker"
    fi
}

print_welcome() {
    cat <<EOF

  newslens is running (profile $PROFILE)
    web UI and API   $GATEWAY_URL            (log in as analyst / analyst)
    API docs         $GATEWAY_URL/q/swagger-ui
    Keycloak         $KEYCLOAK_URL            (admin console: admin / admin)
    Kafka            127.0.0.1:$KAFKA_PORT

  Get a token and search:
    TOKEN=\$(./newslens token analyst)
    curl -H "Authorization: Bearer \$TOKEN" '$GATEWAY_URL/api/v1/articles?q=minister'

EOF
}

cmd_down() {
    local parts=("$@") part i
    [ ${#parts[@]} -gt 0 ] || parts=("${ALL_PARTS[@]}")
    # reverse order: services before the infrastructure they use
    for ((i = ${#parts[@]} - 1; i >= 0; i--)); do
        part="${parts[$i]}"
        [ "$part" = postgres ] && continue
        stop_part "$part"
    done
}

cmd_status() {
    local part state
    printf '%-16s %-8s %-8s %s\n' PART STATE PORT LOG
    for part in "${ALL_PARTS[@]}"; do
        if [ "$part" = postgres ]; then
            pg_ready && state=up || state=down
        elif is_running "$part"; then
            state=running
            case " ${SERVICES[*]} " in *" $part "*) service_ready "$part" && state=ready ;; esac
        else
            state=stopped
        fi
        printf '%-16s %-8s %-8s %s\n' "$part" "$state" "$(port_of "$part")" "$LOGS/$part.log"
    done
}

cmd_token() {
    local role="${1:-analyst}"
    case "$role" in ingestor | analyst | admin) ;; *) die "role must be ingestor, analyst or admin" ;; esac
    local response
    response="$(curl -sf -d grant_type=client_credentials -d "client_id=newslens-$role" -d "client_secret=dev-secret-$role" \
        "$REALM_URL/protocol/openid-connect/token")" || die "cannot get a token from $REALM_URL (is the stack up?)"
    echo "$response" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

cmd_ingest() {
    [ $# -gt 0 ] || die "usage: ./newslens ingest PATH... (.txt, .html, .htm files or folders; a folder may hold manifest.json)"
    local jar="$ROOT/cli/target/newslens-cli-1.0.0-SNAPSHOT.jar"
    if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/cli/src/main" -newer "$jar" -print -quit)" ]; then
        (cd "$ROOT" && mvn -B -q -ntp -DskipTests install -pl contracts,cli -am) >"$ROOT/.newslens/build-cli.log" 2>&1 \
            || { tail -n 30 "$ROOT/.newslens/build-cli.log" >&2; die "building the command-line tools failed"; }
    fi
    NEWSLENS_GATEWAY_URL="$GATEWAY_URL" NEWSLENS_REALM_URL="$REALM_URL" \
        java -cp "$jar:$ROOT/cli/target/lib/*" io.newslens.cli.Ingest "$@"
}

cmd_kill() {
    local part="${1:?usage: ./newslens kill PART}" pid
    [ -f "$(pid_file "$part")" ] || die "$part is not running"
    pid="$(cat "$(pid_file "$part")")"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    rm -f "$(pid_file "$part")"
    say "killed $part"
}

cmd_logs() {
    local part="${1:?usage: ./newslens logs PART}"
    tail -n 100 -F "$LOGS/$part.log"
}

# The spans of one article: every trace in which a span names it (the outbox relay's span carries
# newslens.article.id), printed as a tree across the services' span files, oldest trace first.
cmd_trace() {
    local id="${1:?usage: ./newslens trace ARTICLE_ID}"
    local files=()
    shopt -s nullglob
    files=("$STATE"/traces/*.jsonl "$STATE"/traces/*.jsonl.1)
    shopt -u nullglob
    [ ${#files[@]} -gt 0 ] || die "no spans in $STATE/traces yet (the services write them while the stack runs)"
    python3 - "$id" "${files[@]}" <<'PY'
import json, sys
from datetime import datetime
article, files = sys.argv[1], sys.argv[2:]
spans, mentioned, pipeline = [], set(), set()
for path in files:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                span = json.loads(line)
            except ValueError:
                continue
            spans.append(span)
            if article in line:
                mentioned.add(span["traceId"])
                if span.get("attributes", {}).get("newslens.article.id") == article:
                    pipeline.add(span["traceId"])
traces = pipeline or mentioned
if not traces:
    sys.exit(f"newslens: no span mentions {article} (was it ingested while this stack ran?)")
def start(s):
    return datetime.fromisoformat(s["start"].replace("Z", "+00:00"))
by_trace = {}
for s in spans:
    if s["traceId"] in traces:
        by_trace.setdefault(s["traceId"], {})[s["spanId"]] = s
for trace_id, members in sorted(by_trace.items(), key=lambda t: min(start(s) for s in t[1].values())):
    ordered = sorted(members.values(), key=start)
    t0 = start(ordered[0])
    end = max(start(s).timestamp() * 1000 + s["durationMs"] for s in ordered)
    services = sorted({s["service"] for s in ordered})
    print(f"trace {trace_id}: {len(ordered)} spans, {end - t0.timestamp() * 1000:.0f} ms, {', '.join(services)}")
    children = {}
    for s in ordered:
        parent = s.get("parentSpanId")
        children.setdefault(parent if parent in members else None, []).append(s)
    def show(s, depth):
        offset = (start(s) - t0).total_seconds() * 1000
        flag = "" if s.get("status") != "ERROR" else "  ERROR"
        print(f"  {offset:9.1f} ms {s['durationMs']:9.1f} ms  {s['service']:<14} {s['kind']:<8} {'  ' * depth}{s['name']}{flag}")
        for c in children.get(s["spanId"], []):
            show(c, depth + 1)
    for root in children.get(None, []):
        show(root, 0)
    print()
PY
}

cmd_reset() {
    cmd_down
    rm -rf "$STATE/kafka" "$STATE/keycloak" "$STATE/.samples-ingested"
    if pg_ready; then
        local svc
        for svc in ingest nlp query; do psql_admin -c "DROP DATABASE IF EXISTS newslens_${svc}${DB_SUFFIX}" >/dev/null; done
    fi
    say "profile $PROFILE reset"
}

cmd_test() {
    local started=$SECONDS
    PROFILE=test
    apply_profile
    ensure_postgres
    ensure_tools
    # the test profile's stack (Keycloak for the service tests, everything for end-to-end) stops afterwards
    trap 'PROFILE=test; apply_profile; cmd_down' EXIT
    say "running every test: mvn verify (unit, service and end-to-end tests)"
    (cd "$ROOT" && mvn -B -ntp verify "$@")
    say "checking the Kubernetes manifests"
    "$ROOT/devstack/check-k8s.sh"
    say "all tests passed in $((SECONDS - started))s"
}
