#!/usr/bin/env bash
# Offline checks of the Kubernetes manifests in k8s/ (run by `./newslens test` after the Maven tests).
#
#   devstack/check-k8s.sh            build every overlay, validate and check it; exit 1 on any failure
#
# 1. `kubectl kustomize` builds every overlay (k8s/overlays/*).
# 2. The checker (k8s/checks, Java; built here with Maven from Maven Central) validates every object against the
#    vendored schemas (k8s/schemas: Kubernetes 1.32 API, the operators' CRDs), and checks probes, resources,
#    security contexts, images, PodDisruptionBudgets, Services, NetworkPolicies (default deny and the flows of
#    the design), Kafka ACLs against each service's channels, scaling bounds, Secrets, public hosts, the
#    realm import, and the configuration each Deployment gives each service against what the service reads.
# 3. A deliberately broken overlay (k8s/checks/fixtures/broken) must fail with the expected findings, so the
#    checks are known to catch what they claim to.
# Needs: kubectl (1.32+, with its built-in kustomize), java 17, mvn. No cluster, no network once Maven's
# local repository holds the checker's dependencies.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHECKS="$ROOT/k8s/checks"
BUILD="$CHECKS/target"
started=$SECONDS
failures=()

say() { printf '\033[1mk8s:\033[0m %s\n' "$*"; }

command -v kubectl >/dev/null || { echo "k8s: kubectl not found (needs 1.32+ with kustomize)" >&2; exit 1; }

rm -rf "$BUILD/overlays" "$BUILD/fixtures"
mkdir -p "$BUILD/overlays" "$BUILD/fixtures"

# 1. build every overlay
for dir in "$ROOT"/k8s/overlays/*/; do
    name="$(basename "$dir")"
    if kubectl kustomize "$dir" >"$BUILD/overlays/$name.yaml" 2>"$BUILD/overlays/$name.err"; then
        say "built overlay $name ($(grep -c '^kind:' "$BUILD/overlays/$name.yaml") objects)"
    else
        failures+=("kustomize build of k8s/overlays/$name: $(head -c 600 "$BUILD/overlays/$name.err")")
        rm -f "$BUILD/overlays/$name.yaml"
    fi
done
kubectl kustomize "$CHECKS/fixtures/broken" >"$BUILD/fixtures/broken.yaml" 2>"$BUILD/fixtures/broken.err" \
    || failures+=("kustomize build of the broken fixture: $(head -c 600 "$BUILD/fixtures/broken.err")")

# 2. build the checker (only when its sources or pom changed) and resolve its classpath
stamp="$BUILD/classpath.txt"
if [ ! -f "$stamp" ] || [ -n "$(find "$CHECKS/src" "$CHECKS/pom.xml" -newer "$stamp" -print -quit)" ]; then
    say "building the checker (k8s/checks)"
    if ! mvn -B -q -ntp -f "$CHECKS/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$stamp" \
        >"$BUILD/mvn.log" 2>&1; then
        rm -f "$stamp"
        cat "$BUILD/mvn.log" >&2
        echo "k8s: FAILED to build the checker" >&2
        exit 1
    fi
fi
run_checker() { java -cp "$BUILD/classes:$(cat "$stamp")" io.newslens.k8scheck.K8sCheck "$@"; }

# the Quarkus extension jars whose configuration model the config check reads come from the services' build;
# fetch any that are missing (a fresh machine that skipped the Maven tests)
missing="$(run_checker missing-jars "$ROOT")"
for coordinates in $missing; do
    say "fetching $coordinates"
    mvn -B -q -ntp dependency:get -Dartifact="$coordinates" >>"$BUILD/mvn.log" 2>&1 || true
done

# 3. the broken fixture must be caught, finding by finding
if [ -s "$BUILD/fixtures/broken.yaml" ]; then
    mkdir -p "$BUILD/fixtures/run" && cp "$BUILD/fixtures/broken.yaml" "$BUILD/fixtures/run/"
    if run_checker check "$ROOT" "$BUILD/fixtures/run" >"$BUILD/fixtures/broken.out" 2>&1; then
        failures+=("the broken fixture passed the checks: the checks catch nothing")
    fi
    while IFS= read -r expected; do
        [ -z "$expected" ] || [ "${expected:0:1}" = "#" ] && continue
        grep -qF -- "$expected" "$BUILD/fixtures/broken.out" \
            || failures+=("the checks missed a planted fault: $expected")
    done <"$CHECKS/fixtures/broken/expected-findings.txt"
    say "broken fixture: $(grep -c '^FAIL' "$BUILD/fixtures/broken.out") findings, all $(grep -cv '^\(#\|$\)' "$CHECKS/fixtures/broken/expected-findings.txt") planted faults caught unless listed below"
fi

# 4. the real overlays
checker_status=0
run_checker check "$ROOT" "$BUILD/overlays" || checker_status=$?
[ "$checker_status" -eq 0 ] || failures+=("the manifest checks failed (see FAIL lines above)")

if [ ${#failures[@]} -gt 0 ]; then
    echo
    for failure in "${failures[@]}"; do echo "k8s: FAILED: $failure"; done
    echo "k8s: ${#failures[@]} problem(s) in $((SECONDS - started))s"
    exit 1
fi
say "all Kubernetes checks passed in $((SECONDS - started))s"
