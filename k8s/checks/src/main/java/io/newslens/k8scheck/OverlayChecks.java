package io.newslens.k8scheck;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks of one built overlay (the output of kubectl kustomize). */
final class OverlayChecks {

    private static final Pattern LOOPBACK_OR_DEV = Pattern.compile("localhost|127\\.0\\.0\\.1|development-only|dev-secret");

    private final String overlay;
    private final List<Map<String, Object>> objects;
    private final Schemas schemas;
    private final Map<String, ServiceModel> models;
    private final Findings findings;
    private final String secretsDoc;
    private final String namespace;

    OverlayChecks(String overlay, List<Map<String, Object>> objects, Schemas schemas, Map<String, ServiceModel> models,
            Findings findings, String secretsDoc) {
        this.overlay = overlay;
        this.objects = objects;
        this.schemas = schemas;
        this.models = models;
        this.findings = findings;
        this.secretsDoc = secretsDoc;
        String ns = null;
        for (Map<String, Object> object : objects) {
            if ("Namespace".equals(object.get("kind"))) {
                ns = Yaml.string(object, "metadata", "name");
            }
        }
        this.namespace = ns == null ? "default" : ns;
    }

    void run() {
        schema();
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            workload(deployment);
        }
        services();
        networkPolicies();
        kafkaAccess();
        scaling();
        secrets();
        publicHosts();
        realm();
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            String module = module(deployment);
            if (module != null && models.containsKey(module)) {
                new ConfigCheck(overlay, deployment, models.get(module), this::configMap, findings).run();
            }
        }
    }

    private String where(Map<String, Object> object) {
        return overlay + " " + Yaml.id(object);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Map<String, Object> named(String kind, String name) {
        for (Map<String, Object> object : ofKind(kind)) {
            if (name.equals(Yaml.string(object, "metadata", "name"))) {
                return object;
            }
        }
        return null;
    }

    Map<String, Object> configMap(String name) {
        return named("ConfigMap", name);
    }

    /** The newslens module a Deployment runs, from its image (.../newslens/<module>:tag). */
    static String module(Map<String, Object> deployment) {
        for (Map<String, Object> container : Yaml.maps(deployment, "spec", "template", "spec", "containers")) {
            String image = String.valueOf(container.get("image"));
            String path = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
            int colon = path.lastIndexOf(':');
            if (colon > path.lastIndexOf('/')) {
                path = path.substring(0, colon);
            }
            String last = path.substring(path.lastIndexOf('/') + 1);
            if (path.contains("newslens/") && Checks.SERVICES.contains(last)) {
                return last;
            }
        }
        return null;
    }

    static Map<String, String> labels(Object labels) {
        Map<String, String> result = new LinkedHashMap<>();
        if (labels instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------ schemas

    private void schema() {
        for (Map<String, Object> object : objects) {
            String apiVersion = Yaml.string(object, "apiVersion");
            String kind = Yaml.string(object, "kind");
            String check = "schema";
            if (apiVersion == null || kind == null) {
                findings.fail(check, overlay, "object without apiVersion/kind");
                continue;
            }
            Schemas.KindSchema kindSchema = schemas.find(apiVersion, kind);
            if (!findings.expect(kindSchema != null, check, where(object),
                    "no vendored schema for " + apiVersion + " " + kind + " (k8s/schemas)")) {
                continue;
            }
            List<String> errors = new ArrayList<>(SchemaValidator.validate(object, kindSchema.schema(), kindSchema.definitions()));
            Map<String, Object> objectMeta = schemas.objectMeta();
            if (objectMeta != null && !Schemas.key(apiVersion, kind).startsWith("core/") && !kindSchema.source().endsWith(".json")) {
                for (String error : SchemaValidator.validate(object.get("metadata"), objectMeta, schemas.coreDefinitions())) {
                    errors.add("metadata." + error);
                }
            }
            if (!errors.isEmpty()) {
                findings.fail(check, where(object), "invalid against " + kindSchema.source() + ": " + String.join("; ", errors));
            }
        }
    }

    // ------------------------------------------------------------------------------------------ workloads

    private void workload(Map<String, Object> deployment) {
        String where = where(deployment);
        Map<String, Object> pod = Yaml.map(deployment, "spec", "template", "spec");
        Map<String, String> podLabels = labels(Yaml.get(deployment, "spec", "template", "metadata", "labels"));
        Map<String, Object> podSecurity = Yaml.map(pod, "securityContext");
        boolean newslens = module(deployment) != null;

        findings.expect(NetworkModel.selects(Yaml.map(deployment, "spec", "selector"), podLabels), "workload", where,
                "spec.selector does not select the pod template's labels");
        String serviceAccount = Yaml.string(pod, "serviceAccountName");
        Map<String, Object> account = serviceAccount == null ? null : named("ServiceAccount", serviceAccount);
        findings.expect(account != null, "security", where, "pod must run under its own ServiceAccount of this overlay");
        findings.expect(account != null && Boolean.FALSE.equals(account.get("automountServiceAccountToken")), "security", where,
                "its ServiceAccount must set automountServiceAccountToken: false");
        findings.expect(Boolean.FALSE.equals(pod.get("automountServiceAccountToken")), "security", where,
                "pod must set automountServiceAccountToken: false");
        findings.expect(Boolean.FALSE.equals(pod.get("enableServiceLinks")), "security", where,
                "pod must set enableServiceLinks: false (service-link variables such as KAFKA_* reach the app's config)");
        findings.expect(!Boolean.TRUE.equals(pod.get("hostNetwork")) && !Boolean.TRUE.equals(pod.get("hostPID"))
                && !Boolean.TRUE.equals(pod.get("hostIPC")), "security", where, "no host namespaces");

        List<Map<String, Object>> spread = Yaml.maps(pod, "topologySpreadConstraints");
        findings.expect(!spread.isEmpty(), "workload", where, "topologySpreadConstraints missing");
        for (Map<String, Object> constraint : spread) {
            findings.expect(NetworkModel.selects(Yaml.map(constraint, "labelSelector"), podLabels), "workload", where,
                    "a topologySpreadConstraint's labelSelector does not select this pod");
        }

        Map<String, Map<String, Object>> volumes = new HashMap<>();
        for (Map<String, Object> volume : Yaml.maps(pod, "volumes")) {
            volumes.put(Yaml.string(volume, "name"), volume);
        }
        List<Map<String, Object>> containers = new ArrayList<>(Yaml.maps(pod, "containers"));
        containers.addAll(Yaml.maps(pod, "initContainers"));
        for (Map<String, Object> container : containers) {
            String c = where + " container " + container.get("name");
            container(c, container, podSecurity, volumes, newslens);
        }
    }

    private void container(String where, Map<String, Object> container, Map<String, Object> podSecurity,
            Map<String, Map<String, Object>> volumes, boolean newslens) {
        String image = String.valueOf(container.get("image"));
        String tag = image.contains("@") ? "digest" : image.lastIndexOf(':') > image.lastIndexOf('/')
                ? image.substring(image.lastIndexOf(':') + 1) : null;
        findings.expect(tag != null && !tag.equals("latest"), "image", where,
                "image '" + image + "' must have a fixed tag or digest (not latest, not untagged)");

        Set<String> portNames = new LinkedHashSet<>();
        Set<Integer> portNumbers = new LinkedHashSet<>();
        for (Map<String, Object> port : Yaml.maps(container, "ports")) {
            if (port.get("name") != null) {
                portNames.add(String.valueOf(port.get("name")));
            }
            if (port.get("containerPort") instanceof Integer number) {
                portNumbers.add(number);
            }
        }
        Map<String, String> expectedPaths = Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready");
        for (Map.Entry<String, String> probe : expectedPaths.entrySet()) {
            Object definition = container.get(probe.getKey());
            if (!findings.expect(definition instanceof Map, "probes", where, probe.getKey() + " missing")) {
                continue;
            }
            Map<String, Object> http = Yaml.map(definition, "httpGet");
            if (newslens) {
                findings.expect(probe.getValue().equals(http.get("path")), "probes", where,
                        probe.getKey() + " must be an httpGet of " + probe.getValue() + ", found " + http.get("path"));
            }
            Object port = http.get("port");
            if (port != null) {
                findings.expect(port instanceof Integer n ? portNumbers.contains(n) : portNames.contains(String.valueOf(port)),
                        "probes", where, probe.getKey() + " port " + port + " is not a port of the container");
            }
        }

        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                findings.expect(Yaml.get(container, "resources", kind, resource) != null, "resources", where,
                        "resources." + kind + "." + resource + " missing");
            }
        }

        Map<String, Object> security = Yaml.map(container, "securityContext");
        findings.expect(Boolean.TRUE.equals(security.get("runAsNonRoot")) || Boolean.TRUE.equals(podSecurity.get("runAsNonRoot")),
                "security", where, "runAsNonRoot: true missing");
        Object user = security.containsKey("runAsUser") ? security.get("runAsUser") : podSecurity.get("runAsUser");
        findings.expect(!(user instanceof Integer u) || u != 0, "security", where, "runAsUser must not be 0");
        findings.expect(Boolean.FALSE.equals(security.get("allowPrivilegeEscalation")), "security", where,
                "allowPrivilegeEscalation: false missing");
        findings.expect(Boolean.TRUE.equals(security.get("readOnlyRootFilesystem")), "security", where,
                "readOnlyRootFilesystem: true missing");
        findings.expect(!Boolean.TRUE.equals(security.get("privileged")), "security", where, "privileged container");
        findings.expect(Checks.strings(Yaml.list(security, "capabilities", "drop")).contains("ALL")
                && Yaml.list(security, "capabilities", "add").isEmpty(), "security", where,
                "capabilities must drop ALL and add none");
        String seccomp = Yaml.string(security, "seccompProfile", "type");
        if (seccomp == null) {
            seccomp = Yaml.string(podSecurity, "seccompProfile", "type");
        }
        findings.expect("RuntimeDefault".equals(seccomp), "security", where, "seccompProfile RuntimeDefault missing");

        boolean tmp = false;
        for (Map<String, Object> mount : Yaml.maps(container, "volumeMounts")) {
            Map<String, Object> volume = volumes.get(Yaml.string(mount, "name"));
            if ("/tmp".equals(mount.get("mountPath")) && volume != null && volume.containsKey("emptyDir")) {
                tmp = true;
            }
        }
        findings.expect(tmp, "security", where, "an emptyDir must be mounted at /tmp (the root filesystem is read-only)");
    }

    // ------------------------------------------------------------------------------------------ services

    private void services() {
        List<Map<String, Object>> deployments = ofKind("Deployment");
        for (Map<String, Object> service : ofKind("Service")) {
            String where = where(service);
            Map<String, Object> selector = Yaml.map(service, "spec", "selector");
            findings.expect(!selector.isEmpty(), "services", where, "Service without selector");
            String type = Yaml.string(service, "spec", "type");
            findings.expect(type == null || type.equals("ClusterIP"), "services", where,
                    "only ClusterIP Services: the gateway's Ingress is the one way in");
            Map<String, Object> match = null;
            for (Map<String, Object> deployment : deployments) {
                Map<String, String> podLabels = labels(Yaml.get(deployment, "spec", "template", "metadata", "labels"));
                if (!selector.isEmpty() && selector.entrySet().stream()
                        .allMatch(e -> String.valueOf(e.getValue()).equals(podLabels.get(e.getKey())))) {
                    match = deployment;
                }
            }
            if (!findings.expect(match != null, "services", where, "selects no pod of this overlay (selector " + selector + ")")) {
                continue;
            }
            Set<Object> targets = new LinkedHashSet<>();
            for (Map<String, Object> container : Yaml.maps(match, "spec", "template", "spec", "containers")) {
                for (Map<String, Object> port : Yaml.maps(container, "ports")) {
                    targets.add(port.get("name"));
                    targets.add(port.get("containerPort"));
                }
            }
            for (Map<String, Object> port : Yaml.maps(service, "spec", "ports")) {
                Object target = port.containsKey("targetPort") ? port.get("targetPort") : port.get("port");
                findings.expect(targets.contains(target), "services", where, "targetPort " + target + " is not a port of "
                        + Yaml.id(match));
            }
        }
        for (Map<String, Object> ingress : ofKind("Ingress")) {
            for (Map<String, Object> rule : Yaml.maps(ingress, "spec", "rules")) {
                for (Map<String, Object> path : Yaml.maps(rule, "http", "paths")) {
                    String backend = Yaml.string(path, "backend", "service", "name");
                    findings.expect("gateway".equals(backend), "exposure", where(ingress),
                            "only the gateway may be exposed, found backend " + backend);
                    findings.expect(named("Service", String.valueOf(backend)) != null, "exposure", where(ingress),
                            "backend Service " + backend + " does not exist");
                }
            }
        }
        for (Map<String, Object> deployment : deployments) {
            String where = where(deployment);
            Map<String, String> podLabels = labels(Yaml.get(deployment, "spec", "template", "metadata", "labels"));
            int minReplicas = minReplicas(deployment);
            boolean covered = false;
            for (Map<String, Object> budget : ofKind("PodDisruptionBudget")) {
                if (NetworkModel.selects(Yaml.map(budget, "spec", "selector"), podLabels)) {
                    covered = true;
                    Object minAvailable = Yaml.get(budget, "spec", "minAvailable");
                    Object maxUnavailable = Yaml.get(budget, "spec", "maxUnavailable");
                    boolean allowsOne = minAvailable instanceof Integer m ? minReplicas - m >= 1
                            : !(maxUnavailable instanceof Integer u) || u >= 1;
                    findings.expect(allowsOne, "disruption", where(budget), "with " + minReplicas
                            + " replica(s) this budget allows no voluntary disruption: node drains would hang");
                }
            }
            findings.expect(covered, "disruption", where, "no PodDisruptionBudget selects this Deployment's pods");
        }
    }

    private int minReplicas(Map<String, Object> deployment) {
        String name = Yaml.string(deployment, "metadata", "name");
        for (Map<String, Object> hpa : ofKind("HorizontalPodAutoscaler")) {
            if (name.equals(Yaml.string(hpa, "spec", "scaleTargetRef", "name"))) {
                return Yaml.get(hpa, "spec", "minReplicas") instanceof Integer m ? m : 1;
            }
        }
        for (Map<String, Object> scaled : ofKind("ScaledObject")) {
            if (name.equals(Yaml.string(scaled, "spec", "scaleTargetRef", "name"))) {
                return Yaml.get(scaled, "spec", "minReplicaCount") instanceof Integer m ? m : 0;
            }
        }
        return Yaml.get(deployment, "spec", "replicas") instanceof Integer r ? r : 1;
    }

    // ------------------------------------------------------------------------------------------ network

    private void networkPolicies() {
        List<Map<String, Object>> policies = new ArrayList<>(ofKind("NetworkPolicy"));
        boolean defaultDeny = policies.stream().anyMatch(p -> Yaml.map(p, "spec", "podSelector").isEmpty()
                && Checks.strings(Yaml.list(p, "spec", "policyTypes")).containsAll(List.of("Ingress", "Egress"))
                && Yaml.list(p, "spec", "ingress").isEmpty() && Yaml.list(p, "spec", "egress").isEmpty());
        findings.expect(defaultDeny, "network", overlay, "no default-deny NetworkPolicy (podSelector {}, Ingress and Egress)");

        Map<String, NetworkModel.Endpoint> pods = new LinkedHashMap<>();
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            Map<String, String> podLabels = labels(Yaml.get(deployment, "spec", "template", "metadata", "labels"));
            String name = Yaml.string(deployment, "metadata", "name");
            pods.put(name, NetworkModel.Endpoint.pod(name, namespace, podLabels));
            boolean ingressPolicy = policies.stream().anyMatch(p -> !Yaml.map(p, "spec", "podSelector").isEmpty()
                    && NetworkModel.selects(Yaml.map(p, "spec", "podSelector"), podLabels)
                    && !Yaml.list(p, "spec", "ingress").isEmpty());
            findings.expect(ingressPolicy, "network", where(deployment),
                    "no NetworkPolicy besides the default deny selects these pods for ingress");
        }
        // operator-managed pods, as their operators label them
        for (Map<String, Object> kafka : ofKind("Kafka")) {
            String cluster = Yaml.string(kafka, "metadata", "name");
            pods.put("kafka", NetworkModel.Endpoint.pod("kafka broker", namespace, Map.of("strimzi.io/cluster", cluster,
                    "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + "-kafka")));
            // Strimzi's own policy for the listeners: open to networkPolicyPeers (everyone when none)
            for (Map<String, Object> listener : Yaml.maps(kafka, "spec", "kafka", "listeners")) {
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("ports", List.of(Map.of("protocol", "TCP", "port", listener.get("port"))));
                if (!Yaml.list(listener, "networkPolicyPeers").isEmpty()) {
                    rule.put("from", Yaml.list(listener, "networkPolicyPeers"));
                }
                policies.add(Map.of("kind", "NetworkPolicy", "spec", Map.of(
                        "podSelector", Map.of("matchLabels", Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka")),
                        "policyTypes", List.of("Ingress"), "ingress", List.of(rule))));
            }
        }
        for (Map<String, Object> cluster : ofKind("Cluster")) {
            pods.put("postgres", NetworkModel.Endpoint.pod("postgres", namespace,
                    Map.of("cnpg.io/cluster", Yaml.string(cluster, "metadata", "name"))));
        }
        for (Map<String, Object> keycloak : ofKind("Keycloak")) {
            pods.put("keycloak", NetworkModel.Endpoint.pod("keycloak", namespace, Map.of("app", "keycloak",
                    "app.kubernetes.io/managed-by", "keycloak-operator",
                    "app.kubernetes.io/instance", Yaml.string(keycloak, "metadata", "name"))));
        }
        NetworkModel network = new NetworkModel(namespace, policies);
        NetworkModel.Endpoint ingressController = NetworkModel.Endpoint.pod("ingress controller", "ingress-nginx",
                Map.of("app.kubernetes.io/name", "ingress-nginx"));
        NetworkModel.Endpoint prometheus = NetworkModel.Endpoint.pod("prometheus", "monitoring",
                Map.of("app.kubernetes.io/name", "prometheus"));
        NetworkModel.Endpoint dns = NetworkModel.Endpoint.pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"));
        NetworkModel.Endpoint publicSite = NetworkModel.Endpoint.external("93.184.216.34");
        NetworkModel.Endpoint publicV6 = NetworkModel.Endpoint.external("2606:2800:220:1:248:1893:25c8:1946");
        NetworkModel.Endpoint privateHost = NetworkModel.Endpoint.external("10.12.0.7");
        NetworkModel.Endpoint metadataService = NetworkModel.Endpoint.external("169.254.169.254");

        Map<String, Integer> ports = Map.of("gateway", 8080, "ingest-service", 8081, "nlp-service", 8082, "query-service", 8083);
        List<Object[]> expectations = new ArrayList<>();
        expectations.add(new Object[] {ingressController, "gateway", 8080, true});
        for (String backend : List.of("ingest-service", "nlp-service", "query-service")) {
            expectations.add(new Object[] {"gateway", backend, ports.get(backend), true});
            expectations.add(new Object[] {ingressController, backend, ports.get(backend), false});
            expectations.add(new Object[] {backend, "kafka", 9093, true});
            expectations.add(new Object[] {backend, "postgres", 5432, true});
            expectations.add(new Object[] {backend, "keycloak", 8080, true});
            expectations.add(new Object[] {backend, "gateway", 8080, false});
            expectations.add(new Object[] {backend, privateHost, 443, false});
            expectations.add(new Object[] {backend, metadataService, 80, false});
        }
        for (String service : ports.keySet()) {
            expectations.add(new Object[] {service, dns, 53, true});
            expectations.add(new Object[] {prometheus, service, ports.get(service), true});
        }
        expectations.add(new Object[] {"gateway", "keycloak", 8080, true});
        expectations.add(new Object[] {"gateway", "kafka", 9093, false});
        expectations.add(new Object[] {"gateway", "postgres", 5432, false});
        expectations.add(new Object[] {"gateway", publicSite, 443, false});
        expectations.add(new Object[] {"ingest-service", publicSite, 443, true});
        expectations.add(new Object[] {"ingest-service", publicSite, 80, true});
        expectations.add(new Object[] {"ingest-service", publicV6, 443, true});
        expectations.add(new Object[] {"ingest-service", publicSite, 22, false});
        expectations.add(new Object[] {"ingest-service", "nlp-service", 8082, false});
        expectations.add(new Object[] {"nlp-service", publicSite, 443, false});
        expectations.add(new Object[] {"query-service", publicSite, 443, false});
        expectations.add(new Object[] {"nlp-service", "query-service", 8083, false});
        expectations.add(new Object[] {"keycloak", "postgres", 5432, true});
        expectations.add(new Object[] {ingressController, "keycloak", 8080, true});
        expectations.add(new Object[] {ingressController, "postgres", 5432, false});
        expectations.add(new Object[] {ingressController, "kafka", 9093, false});
        for (Object[] expectation : expectations) {
            NetworkModel.Endpoint from = expectation[0] instanceof String s ? pods.get(s) : (NetworkModel.Endpoint) expectation[0];
            NetworkModel.Endpoint to = expectation[1] instanceof String s ? pods.get(s) : (NetworkModel.Endpoint) expectation[1];
            int port = (Integer) expectation[2];
            boolean wanted = (Boolean) expectation[3];
            String flow = (from == null ? expectation[0] : from.name()) + " -> " + (to == null ? expectation[1] : to.name()) + ":" + port;
            if (!findings.expect(from != null && to != null, "network-flows", overlay, flow + ": endpoint not in this overlay")) {
                continue;
            }
            boolean allowed = network.allowed(from, to, port);
            findings.expect(allowed == wanted, "network-flows", overlay,
                    flow + (wanted ? " must be allowed but the policies block it" : " must be blocked but the policies allow it"));
        }
    }

    // ------------------------------------------------------------------------------------------ Kafka

    private void kafkaAccess() {
        Map<String, Integer> partitions = topicPartitions();
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            String module = module(deployment);
            ServiceModel model = module == null ? null : models.get(module);
            if (model == null || !model.usesKafka) {
                continue;
            }
            ServiceModel.KafkaUse use = model.kafkaUse();
            String where = where(deployment);
            String userName = null;
            for (Map<String, Object> container : Yaml.maps(deployment, "spec", "template", "spec", "containers")) {
                for (Map<String, Object> env : Yaml.maps(container, "env")) {
                    if ("KAFKA_SASL_JAAS_CONFIG".equals(env.get("name"))) {
                        userName = Yaml.string(env, "valueFrom", "secretKeyRef", "name");
                    }
                }
            }
            Map<String, Object> user = userName == null ? null : named("KafkaUser", userName);
            if (!findings.expect(user != null, "kafka-acl", where,
                    "KAFKA_SASL_JAAS_CONFIG must come from the Secret of a KafkaUser of this overlay")) {
                continue;
            }
            Set<String> granted = new LinkedHashSet<>();
            for (Map<String, Object> acl : Yaml.maps(user, "spec", "authorization", "acls")) {
                String type = Yaml.string(acl, "resource", "type");
                String name = Yaml.string(acl, "resource", "name");
                findings.expect(!"prefix".equals(Yaml.string(acl, "resource", "patternType")) && !"*".equals(name),
                        "kafka-acl", where(user), "ACL on " + type + " " + name + " is wider than one resource");
                for (String operation : Checks.strings(Yaml.list(acl, "operations"))) {
                    granted.add(type + ":" + name + ":" + operation);
                }
            }
            Set<String> needed = new LinkedHashSet<>();
            for (String topic : use.readTopics()) {
                needed.add("topic:" + topic + ":Read");
            }
            for (String topic : use.writeTopics()) {
                needed.add("topic:" + topic + ":Write");
            }
            for (String group : use.groups()) {
                needed.add("group:" + group + ":Read");
            }
            for (String need : needed) {
                findings.expect(granted.contains(need), "kafka-acl", where(user), module + " needs " + need.replace(':', ' ')
                        + " (from its application.properties) but the KafkaUser does not grant it");
            }
            for (String grant : granted) {
                String[] parts = grant.split(":");
                boolean describeOfNeeded = parts[2].equals("Describe") && needed.stream().anyMatch(n -> n.startsWith(parts[0] + ":" + parts[1] + ":"));
                findings.expect(needed.contains(grant) || describeOfNeeded, "kafka-acl", where(user),
                        "grants " + grant.replace(':', ' ') + ", which " + module + " does not use");
            }
            Set<String> topics = new LinkedHashSet<>(use.readTopics());
            topics.addAll(use.writeTopics());
            for (String topic : topics) {
                findings.expect(partitions.containsKey(topic), "kafka-topics", where, "topic " + topic
                        + " used by " + module + " has no KafkaTopic (auto-creation is off)");
            }
        }
    }

    Map<String, Integer> topicPartitions() {
        Map<String, Integer> partitions = new LinkedHashMap<>();
        for (Map<String, Object> topic : ofKind("KafkaTopic")) {
            String name = Yaml.string(topic, "spec", "topicName");
            if (name == null) {
                name = Yaml.string(topic, "metadata", "name");
            }
            partitions.put(name, Yaml.get(topic, "spec", "partitions") instanceof Integer p ? p : 1);
        }
        return partitions;
    }

    /** Consumers scale only up to the partition count of what they read; HPA and KEDA must not both drive one. */
    private void scaling() {
        Map<String, Integer> partitions = topicPartitions();
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            String name = Yaml.string(deployment, "metadata", "name");
            String module = module(deployment);
            ServiceModel model = module == null ? null : models.get(module);
            if (model == null || !model.usesKafka) {
                continue;
            }
            int bound = Integer.MAX_VALUE;
            for (String topic : model.kafkaUse().readTopics()) {
                bound = Math.min(bound, partitions.getOrDefault(topic, Integer.MAX_VALUE));
            }
            int autoscalers = 0;
            for (Map<String, Object> hpa : ofKind("HorizontalPodAutoscaler")) {
                if (name.equals(Yaml.string(hpa, "spec", "scaleTargetRef", "name"))) {
                    autoscalers++;
                    Object max = Yaml.get(hpa, "spec", "maxReplicas");
                    findings.expect(max instanceof Integer m && m <= bound, "scaling", where(hpa),
                            "maxReplicas " + max + " exceeds the " + bound + " partitions " + name + " consumes: the extra pods would idle");
                }
            }
            for (Map<String, Object> scaled : ofKind("ScaledObject")) {
                if (name.equals(Yaml.string(scaled, "spec", "scaleTargetRef", "name"))) {
                    autoscalers++;
                    Object max = Yaml.get(scaled, "spec", "maxReplicaCount");
                    findings.expect(max instanceof Integer m && m <= bound, "scaling", where(scaled),
                            "maxReplicaCount " + max + " exceeds the " + bound + " partitions " + name + " consumes");
                    for (Map<String, Object> trigger : Yaml.maps(scaled, "spec", "triggers")) {
                        if ("kafka".equals(trigger.get("type"))) {
                            findings.expect(model.kafkaUse().groups().contains(Yaml.string(trigger, "metadata", "consumerGroup"))
                                    && model.kafkaUse().readTopics().contains(Yaml.string(trigger, "metadata", "topic")),
                                    "scaling", where(scaled), "the kafka trigger must watch the group and topic " + module + " consumes");
                        }
                    }
                }
            }
            // (plain replica counts are not bounded: a replica without a partition still serves HTTP)
            findings.expect(autoscalers <= 1, "scaling", where(deployment), "driven by " + autoscalers + " autoscalers");
        }
    }

    // ------------------------------------------------------------------------------------------ secrets

    /** Operator-made Secrets: the Strimzi CAs and user Secrets, CloudNativePG's CA. */
    private Set<String> generatedSecrets() {
        Set<String> names = new LinkedHashSet<>();
        for (Map<String, Object> kafka : ofKind("Kafka")) {
            String name = Yaml.string(kafka, "metadata", "name");
            names.add(name + "-cluster-ca-cert");
            names.add(name + "-clients-ca-cert");
        }
        for (Map<String, Object> user : ofKind("KafkaUser")) {
            if (Yaml.get(user, "spec", "authentication", "password") == null) {
                names.add(Yaml.string(user, "metadata", "name"));
            }
        }
        for (Map<String, Object> cluster : ofKind("Cluster")) {
            names.add(Yaml.string(cluster, "metadata", "name") + "-ca");
        }
        return names;
    }

    private void secrets() {
        for (Map<String, Object> secret : ofKind("Secret")) {
            findings.fail("secrets", where(secret), "a Secret is committed in the manifests: provide it at deploy time instead");
        }
        Set<String> generated = generatedSecrets();
        Set<String> referenced = new LinkedHashSet<>();
        for (Map<String, Object> object : objects) {
            Checks.secretRefs(object.get("spec"), null, referenced);
        }
        for (String name : referenced) {
            findings.expect(generated.contains(name) || secretsDoc.contains("`" + name + "`"), "secrets", overlay,
                    "Secret " + name + " is referenced but neither made by an operator nor documented in docs/kubernetes.md");
        }
    }

    // ------------------------------------------------------------------------------------------ hosts

    /** The public origin appears in four places: Ingress host, web client redirect URIs, CORS origin, status links. */
    private void publicHosts() {
        Set<String> ingressHosts = new LinkedHashSet<>();
        for (Map<String, Object> ingress : ofKind("Ingress")) {
            for (Map<String, Object> rule : Yaml.maps(ingress, "spec", "rules")) {
                ingressHosts.add(Yaml.string(rule, "host"));
            }
            for (Map<String, Object> tls : Yaml.maps(ingress, "spec", "tls")) {
                for (String host : Checks.strings(Yaml.list(tls, "hosts"))) {
                    findings.expect(ingressHosts.contains(host), "public-hosts", where(ingress), "TLS host " + host + " has no rule");
                }
            }
        }
        Map<String, String> origins = new LinkedHashMap<>();
        Map<String, Object> gateway = configMap("gateway-config");
        if (gateway != null) {
            origins.put("gateway NEWSLENS_CORS_ORIGINS", Yaml.string(gateway, "data", "NEWSLENS_CORS_ORIGINS"));
        }
        Map<String, Object> ingest = configMap("ingest-service-config");
        if (ingest != null) {
            origins.put("ingest-service NEWSLENS_PUBLIC_URL", Yaml.string(ingest, "data", "NEWSLENS_PUBLIC_URL"));
        }
        for (Map<String, Object> realmImport : ofKind("KeycloakRealmImport")) {
            for (Map<String, Object> client : Yaml.maps(realmImport, "spec", "realm", "clients")) {
                for (String uri : Checks.strings(Yaml.list(client, "redirectUris"))) {
                    origins.put("realm client " + client.get("clientId") + " redirect URI", uri.replace("/*", ""));
                }
            }
        }
        for (Map.Entry<String, String> origin : origins.entrySet()) {
            String host = origin.getValue() == null ? null : URI.create(origin.getValue().split(",")[0].trim()).getHost();
            findings.expect(host != null && ingressHosts.contains(host), "public-hosts", overlay,
                    origin.getKey() + " (" + origin.getValue() + ") is not the gateway Ingress host " + ingressHosts);
        }
    }

    // ------------------------------------------------------------------------------------------ realm

    private void realm() {
        for (Map<String, Object> realmImport : ofKind("KeycloakRealmImport")) {
            String where = where(realmImport);
            Map<String, Object> placeholders = Yaml.map(realmImport, "spec", "placeholders");
            findings.expect(named("Keycloak", String.valueOf(Yaml.get(realmImport, "spec", "keycloakCRName"))) != null,
                    "realm", where, "keycloakCRName names no Keycloak of this overlay");
            for (Map<String, Object> client : Yaml.maps(realmImport, "spec", "realm", "clients")) {
                Object secret = client.get("secret");
                if (secret != null) {
                    String text = String.valueOf(secret);
                    boolean placeholder = text.matches("\\$\\{[A-Z0-9_]+}");
                    findings.expect(placeholder && placeholders.containsKey(text.substring(2, text.length() - 1)), "realm", where,
                            "client " + client.get("clientId") + " has a literal secret or an undeclared placeholder");
                }
            }
            for (Map<String, Object> user : Yaml.maps(realmImport, "spec", "realm", "users")) {
                findings.expect(!user.containsKey("credentials"), "realm", where, "user " + user.get("username")
                        + " carries credentials: no password may be committed");
            }
            RealmRepresentationCheck.check(Yaml.map(realmImport, "spec", "realm"), where, findings);
        }
    }
}
