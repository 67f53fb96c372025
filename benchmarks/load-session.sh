#!/usr/bin/env bash
# One measuring session of docs/benchmarks.md: starts the dev stack from a clean export of a commit, records start
# times and idle memory, runs the load driver's suite (capacity, 50 % / 90 % of it, 2x for backpressure, rate limits,
# search against raw SQL) and then ingest throughput (with nlp-service stopped, beside a JDBC baseline), records
# memory again, and stops and deletes the stack it started. Everything lands in benchmarks/target/session-<time>/.
#
#   flock /tmp/newslens-build.lock benchmarks/load-session.sh [suite options...]
#
# Hold the build lock for the whole session (the machine has 2 cores; builds running beside it would be measured).
# Environment: COMMIT (default HEAD) is exported to /tmp/newslens-bench-<sha> and run from there, so the figures belong
# to one commit and not to whatever is half-edited in the working tree; KEEP=1 keeps the stack's data afterwards;
# SKIP_INGEST=1 skips the ingest-throughput part.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
COMMIT="$(git -C "$REPO" rev-parse "${COMMIT:-HEAD}")"
STACK="/tmp/newslens-bench-${COMMIT:0:12}"
OUT="$HERE/target/session-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
exec > >(tee -a "$OUT/session.log") 2>&1
echo "session: commit $COMMIT, stack in $STACK, results in $OUT, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
started=$SECONDS

[ -f "$HERE/target/classes/io/newslens/benchmarks/load/LoadDriver.class" ] \
    || { echo "build the driver first: mvn -B -q -ntp -pl benchmarks package" >&2; exit 1; }
if [ ! -d "$STACK" ]; then
    mkdir -p "$STACK"
    git -C "$REPO" archive "$COMMIT" | tar -x -C "$STACK"
fi
RUN="$STACK/.newslens/dev/run"
LOGS="$STACK/.newslens/dev/logs"

rss_table() {
    local f part pid
    for f in "$RUN"/*.pid; do
        part="$(basename "$f" .pid)"
        pid="$(cat "$f")"
        printf '%-16s %6d MB\n' "$part" "$(( $(ps -o rss= -s "$pid" 2>/dev/null | awk '{s+=$1} END {print s+0}') / 1024 ))"
    done
}

SAMPLER=""
stop_stack() {
    if [ -n "$SAMPLER" ]; then kill "$SAMPLER" 2>/dev/null || true; fi
    echo "session: stopping the stack"
    (cd "$STACK" && ./newslens down) || true
    if [ "${KEEP:-0}" != 1 ]; then (cd "$STACK" && ./newslens reset) || true; fi
    echo "session: done in $((SECONDS - started)) s of lock time"
}
trap stop_stack EXIT

echo "session: ./newslens up (builds the services of this commit, then starts everything)"
up_started=$SECONDS
if ! (cd "$STACK" && ./newslens up); then
    # a part that dies while starting is reported, the processes around it kept, and up tried once more (it only
    # starts what is not running)
    echo "session: up failed at $(date -Is); processes on the machine:"
    ps -eo pid,ppid,lstart,args --sort=start_time | cut -c1-220 | tail -n 40 >"$OUT/ps-at-up-failure.txt"
    tail -n 5 "$OUT/ps-at-up-failure.txt"
    (cd "$STACK" && ./newslens up)
fi
echo "session: up took $((SECONDS - up_started)) s (build included)"
{
    for part in ingest-service nlp-service query-service gateway keycloak; do
        printf '%-16s %s\n' "$part" "$(grep -Eo 'started in [0-9.]+s' "$LOGS/$part.log" | tail -n 1)"
    done
    printf '%-16s %s\n' kafka "$(grep -m1 -E 'Kafka Server started|KafkaRaftServer.*started' "$LOGS/kafka.log" || true)"
} | tee "$OUT/startup.txt"
sleep 20 # let the post-start work (JIT, first connections, sample ingest) settle before reading idle memory
rss_table | tee "$OUT/rss-idle.txt"
curl -s http://127.0.0.1:8082/q/metrics >"$OUT/nlp-metrics-idle.txt" || true

# Every consumer group's lag as the broker sees it, every 30 s (kafka-consumer-groups --describe): the driver follows
# nlp-service's group itself, this also shows query-service's, wherever the backlog waits.
(
    while true; do
        echo "=== $(date -Is)"
        java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$STACK/.newslens/tools/kafka-4.1.1/lib/*" \
            org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server 127.0.0.1:9092 --describe \
            --all-groups 2>/dev/null | awk 'NF >= 6 && $1 != "GROUP" {print $1, $2, $3, $4, $5, $6}'
        sleep 30
    done
) >"$OUT/consumer-groups.txt" 2>&1 &
SAMPLER=$!

DRIVER=("$HERE/run.sh" Load)
COMMON=(--stack-run-dir "$RUN" --out "$OUT/results.jsonl")
echo "session: smoke (a few seconds of each phase, to check the wiring)"
"${DRIVER[@]}" smoke "${COMMON[@]}" --max-duration 3m
echo "session: suite"
"${DRIVER[@]}" suite "${COMMON[@]}" --max-duration 22m "$@"
rss_table | tee "$OUT/rss-after-suite.txt"
curl -s http://127.0.0.1:8082/q/metrics >"$OUT/nlp-metrics-after.txt" || true
grep -i 'lag' "$OUT/nlp-metrics-after.txt" | grep -v '^#' | head -n 20 || echo "(no lag metric on nlp-service's /q/metrics)"

if [ "${SKIP_INGEST:-0}" != 1 ]; then
    # ingest throughput is ingest-service's own figure: stop the consumers so their backlog does not share the two cores
    (cd "$STACK" && ./newslens down query-service nlp-service)
    "${DRIVER[@]}" ingest "${COMMON[@]}" --max-duration 6m
    rss_table | tee "$OUT/rss-after-ingest.txt"
fi
