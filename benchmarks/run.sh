#!/usr/bin/env bash
# Runs one of the benchmark/evaluation main classes on the compiled classes, in its own JVM.
#   benchmarks/run.sh Evaluate|Benchmark|ShowAnnotations|GoldToConll|QueryBench [args...]
#   benchmarks/run.sh Load COMMAND [options]     the load driver against a running stack (docs/benchmarks.md)
# Build first: mvn -B -q -ntp -pl benchmarks package   (compiles; runs nothing heavy)
# On the shared machine wrap the run in the build lock: flock /tmp/newslens-build.lock benchmarks/run.sh ...
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MAIN="$1"; shift
EXTRA=""
# the NLP runners load CoreNLP (gigabytes of heap); the load driver only sends HTTP and keeps latencies
DEFAULT_OPTS="-Xmx3g -XX:+UseParallelGC"
case "$MAIN" in
  # QueryBench runs query-service's own classes: put its freshly compiled classes ahead of the installed jar
  QueryBench) MAIN="query.QueryBench"; EXTRA="$HERE/../query-service/target/classes:" ;;
  Load) DEFAULT_OPTS="-Xmx384m -XX:+UseSerialGC" ;;
esac
exec java ${JAVA_OPTS:-$DEFAULT_OPTS} -Dnewslens.root="$(cd "$HERE/.." && pwd)" \
  -cp "$HERE/target/classes:$EXTRA$(cat "$HERE/target/classpath.txt")" "io.newslens.benchmarks.$MAIN" "$@"
