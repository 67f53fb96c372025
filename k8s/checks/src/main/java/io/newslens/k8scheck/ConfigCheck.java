package io.newslens.k8scheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a Deployment gives one service against the configuration that service reads:
 * <ul>
 *   <li>every variable maps to a key the service reads: a ${NAME} expression of its application.properties, one of
 *       its properties or @ConfigMapping keys, a run-time key of a Quarkus extension it depends on, a Kafka client
 *       property (Quarkus passes KAFKA_* to the clients), or a variable of the JVM image's start script;</li>
 *   <li>no variable is empty and no build-time Quarkus key is set (it would have no effect);</li>
 *   <li>every required @ConfigMapping key has a value;</li>
 *   <li>every property whose packaged value points at the developer's machine (localhost, 127.0.0.1) or is a
 *       development secret is overridden;</li>
 *   <li>the HTTP port the service listens on is the container port named http.</li>
 * </ul>
 */
final class ConfigCheck {

    /** Read by run-java.sh of the ubi9 OpenJDK runtime image (Dockerfile.jvm), not by the application. */
    private static final Set<String> JVM_IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND", "JAVA_MAX_MEM_RATIO",
            "JAVA_INITIAL_MEM_RATIO", "JAVA_MAX_INITIAL_MEM", "JAVA_APP_JAR", "JAVA_OPTS", "JAVA_DIAGNOSTICS",
            "GC_MAX_METASPACE_SIZE", "GC_CONTAINER_OPTIONS");
    private static final Pattern DEV_VALUE = Pattern.compile("localhost|127\\.0\\.0\\.1|development-only|dev-secret");
    private static volatile Set<String> kafkaClientProperties;

    private final String overlay;
    private final Map<String, Object> deployment;
    private final ServiceModel model;
    private final Function<String, Map<String, Object>> configMaps;
    private final Findings findings;

    ConfigCheck(String overlay, Map<String, Object> deployment, ServiceModel model,
            Function<String, Map<String, Object>> configMaps, Findings findings) {
        this.overlay = overlay;
        this.deployment = deployment;
        this.model = model;
        this.configMaps = configMaps;
        this.findings = findings;
    }

    void run() {
        for (Map<String, Object> container : Yaml.maps(deployment, "spec", "template", "spec", "containers")) {
            String where = overlay + " " + Yaml.id(deployment) + " (" + model.module + ")";
            Map<String, String> env = environment(container, where);
            for (Map.Entry<String, String> variable : env.entrySet()) {
                variable(where, variable.getKey(), variable.getValue());
            }
            required(where, env);
            overrides(where, env);
            port(where, container, env);
        }
    }

    /** Name -> value ("(secret)" for secret references) of the container's environment, ConfigMaps included. */
    private Map<String, String> environment(Map<String, Object> container, String where) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> source : Yaml.maps(container, "envFrom")) {
            String name = Yaml.string(source, "configMapRef", "name");
            if (name == null) {
                findings.fail("config", where, "envFrom other than a ConfigMap cannot be checked: " + source);
                continue;
            }
            Map<String, Object> configMap = configMaps.apply(name);
            if (!findings.expect(configMap != null, "config", where, "envFrom ConfigMap " + name + " is not in this overlay")) {
                continue;
            }
            Yaml.map(configMap, "data").forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
        for (Map<String, Object> variable : Yaml.maps(container, "env")) {
            String name = Yaml.string(variable, "name");
            if (variable.containsKey("valueFrom")) {
                env.put(name, "(from " + Yaml.map(variable, "valueFrom").keySet() + ")");
            } else {
                env.put(name, variable.get("value") == null ? "" : String.valueOf(variable.get("value")));
            }
        }
        return env;
    }

    private void variable(String where, String name, String value) {
        findings.expect(!value.isBlank(), "config", where, name + " has no value");
        if (model.buildTimeEnv.contains(name)) {
            findings.fail("config", where, name + " is a build-time Quarkus property: setting it at run time has no effect");
            return;
        }
        String reader = reader(name);
        findings.expect(reader != null, "config", where, name + " is not read by " + model.module
                + " (no such key in its application.properties, @ConfigMapping, Quarkus extensions or Kafka client)");
    }

    /** Which part of the service reads a variable, or null. */
    private String reader(String name) {
        if (model.expressionEnv.contains(name)) {
            return "application.properties expression";
        }
        for (String property : model.properties.keySet()) {
            if (ServiceModel.env(property).equals(name)) {
                return "application.properties " + property;
            }
        }
        for (ServiceModel.Key key : model.mappingKeys) {
            if (key.property().endsWith(".*") ? name.startsWith(ServiceModel.env(key.property().substring(0, key.property().length() - 2)) + "_")
                    : ServiceModel.env(key.property()).equals(name)) {
                return key.origin();
            }
        }
        for (Map.Entry<Pattern, String> key : model.extensionKeys.entrySet()) {
            if (key.getKey().matcher(name).matches()) {
                return "Quarkus " + key.getValue();
            }
        }
        if (name.startsWith("KAFKA_") && model.usesKafka) {
            String property = name.substring("KAFKA_".length()).toLowerCase().replace('_', '.');
            if (kafkaClientProperties().contains(property)) {
                return "Kafka client " + property;
            }
        }
        if (JVM_IMAGE_VARIABLES.contains(name) && usesJvmImage()) {
            return "run-java.sh of " + model.module + "/src/main/docker/Dockerfile.jvm";
        }
        return null;
    }

    private boolean usesJvmImage() {
        try {
            Path dockerfile = model.moduleDir.resolve("src/main/docker/Dockerfile.jvm");
            return Files.exists(dockerfile) && Files.readString(dockerfile).contains("run-java.sh");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void required(String where, Map<String, String> env) {
        for (ServiceModel.Key key : model.mappingKeys) {
            if (!key.required()) {
                continue;
            }
            String packaged = model.properties.get(key.property());
            boolean given = (packaged != null && !packaged.isBlank()) || env.containsKey(ServiceModel.env(key.property()));
            findings.expect(given, "config", where, "required key " + key.property() + " (" + key.origin() + ") has no value");
        }
    }

    /** Packaged values that only make sense on a developer's machine must be replaced in the cluster. */
    private void overrides(String where, Map<String, String> env) {
        for (Map.Entry<String, String> property : model.properties.entrySet()) {
            String value = property.getValue();
            if (!DEV_VALUE.matcher(value).find()) {
                continue;
            }
            boolean overridden = env.containsKey(ServiceModel.env(property.getKey()));
            Matcher expression = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::[^}]*)?}").matcher(value);
            while (expression.find()) {
                overridden |= env.containsKey(expression.group(1));
            }
            findings.expect(overridden, "config", where, property.getKey() + "=" + value
                    + " points at a developer machine or is a development secret; the manifests must override it ("
                    + ServiceModel.env(property.getKey()) + ")");
        }
    }

    private void port(String where, Map<String, Object> container, Map<String, String> env) {
        String port = env.getOrDefault("QUARKUS_HTTP_PORT", model.properties.getOrDefault("quarkus.http.port", "8080"));
        Object http = null;
        for (Map<String, Object> p : Yaml.maps(container, "ports")) {
            if ("http".equals(p.get("name"))) {
                http = p.get("containerPort");
            }
        }
        findings.expect(String.valueOf(http).equals(port), "config", where,
                model.module + " listens on " + port + " but the container port named http is " + http);
    }

    /** Every property name Kafka's producer, consumer and admin clients define (from kafka-clients on the classpath). */
    @SuppressWarnings("unchecked")
    static Set<String> kafkaClientProperties() {
        if (kafkaClientProperties == null) {
            Set<String> names = new TreeSet<>();
            for (String config : List.of("org.apache.kafka.clients.producer.ProducerConfig",
                    "org.apache.kafka.clients.consumer.ConsumerConfig", "org.apache.kafka.clients.admin.AdminClientConfig")) {
                try {
                    names.addAll((Set<String>) Class.forName(config).getMethod("configNames").invoke(null));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("kafka-clients is not on the checker's classpath", e);
                }
            }
            kafkaClientProperties = names;
        }
        return kafkaClientProperties;
    }
}
