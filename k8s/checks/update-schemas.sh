#!/usr/bin/env bash
# Refreshes the vendored schemas in k8s/schemas from Maven Central:
#  - kubernetes-1.32/definitions.json from io.kubernetes:client-java-api 23.0.0 (the official Java client generated
#    from the Kubernetes v1.32 OpenAPI document); for another Kubernetes version change both numbers together;
#  - strimzi-0.51.0/*.yaml: the CRDs the Strimzi project ships in io.strimzi:api:0.51.0:tests (crds/v1/).
# The hand-written schemas in k8s/schemas/handwritten are edited by hand (see k8s/schemas/README.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="$ROOT/k8s/checks/target"
K8S_VERSION=1.32
STRIMZI_VERSION=0.51.0
mkdir -p "$BUILD" "$ROOT/k8s/schemas/kubernetes-$K8S_VERSION" "$ROOT/k8s/schemas/strimzi-$STRIMZI_VERSION"
mvn -B -q -ntp -f "$ROOT/k8s/checks/pom.xml" -Pschemas compile dependency:build-classpath \
    -Dmdep.outputFile="$BUILD/classpath-schemas.txt"
java -cp "$BUILD/classes:$(cat "$BUILD/classpath-schemas.txt")" io.newslens.k8scheck.K8sCheck \
    generate-k8s-schemas "$ROOT" "$K8S_VERSION"

mvn -B -q -ntp dependency:get -Dtransitive=false -Dartifact="io.strimzi:api:$STRIMZI_VERSION:jar:tests"
jar="$(mvn -B -q -ntp help:evaluate -Dexpression=settings.localRepository -DforceStdout)/io/strimzi/api/$STRIMZI_VERSION/api-$STRIMZI_VERSION-tests.jar"
for crd in 040-Crd-kafka 043-Crd-kafkatopic 044-Crd-kafkauser 045-Crd-kafkanodepool; do
    unzip -p "$jar" "crds/v1/$crd.yaml" >"$ROOT/k8s/schemas/strimzi-$STRIMZI_VERSION/$crd.yaml"
done
echo "updated k8s/schemas (Kubernetes $K8S_VERSION, Strimzi $STRIMZI_VERSION)"
