#!/usr/bin/env bash
# Regenerates k8s/base/keycloak/realm-import.yaml from devstack/keycloak/newslens-realm.json (see RealmImport.java
# for what is kept, dropped and turned into placeholders). devstack/check-k8s.sh fails while the two differ.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="$ROOT/k8s/checks/target"
mkdir -p "$BUILD"
mvn -B -q -ntp -f "$ROOT/k8s/checks/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$BUILD/classpath.txt"
java -cp "$BUILD/classes:$(cat "$BUILD/classpath.txt")" io.newslens.k8scheck.K8sCheck generate-realm "$ROOT"
