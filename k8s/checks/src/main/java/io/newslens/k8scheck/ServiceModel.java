package io.newslens.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * What one service module reads: its application.properties, its @ConfigMapping interfaces (method names in
 * kebab-case under the mapping's prefix), the configuration model of the Quarkus extensions it depends on
 * (META-INF/quarkus-config-doc/quarkus-config-model.json in each extension jar of the local Maven repository),
 * and the Kafka topics and consumer groups of its channels.
 */
final class ServiceModel {

    /** A configuration key the service reads, with whether it must have a value. */
    record Key(String property, boolean required, String origin) {
    }

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::[^}]*)?}");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

    final String module;
    final Path moduleDir;
    /** application.properties, without profile-specific keys other than %prod (which apply in the cluster). */
    final Map<String, String> properties = new LinkedHashMap<>();
    /** Keys of @ConfigMapping interfaces. */
    final List<Key> mappingKeys = new ArrayList<>();
    /** Runtime keys of the Quarkus extensions (literal paths and patterns), by env-var regex. */
    final Map<Pattern, String> extensionKeys = new LinkedHashMap<>();
    /** Build-time keys: setting them in a Deployment has no effect. */
    final Set<String> buildTimeEnv = new HashSet<>();
    /** Environment variables referenced by ${NAME} expressions in application.properties. */
    final Set<String> expressionEnv = new LinkedHashSet<>();
    final List<String> extensionJars = new ArrayList<>();
    final List<String> missingJars = new ArrayList<>();
    final boolean usesKafka;

    ServiceModel(Path repo, String module, Path mavenRepo, String quarkusVersion) throws IOException {
        this.module = module;
        this.moduleDir = repo.resolve(module);
        Path propertiesFile = moduleDir.resolve("src/main/resources/application.properties");
        if (Files.exists(propertiesFile)) {
            Properties loaded = new Properties();
            try (InputStream in = Files.newInputStream(propertiesFile)) {
                loaded.load(in);
            }
            for (String name : loaded.stringPropertyNames().stream().sorted().toList()) {
                String value = loaded.getProperty(name);
                if (name.startsWith("%") && !name.startsWith("%prod.")) {
                    continue;
                }
                properties.put(name.startsWith("%prod.") ? name.substring(6) : name, value);
                Matcher expression = EXPRESSION.matcher(value);
                while (expression.find()) {
                    expressionEnv.add(expression.group(1));
                }
            }
        }
        readMappings();
        readExtensions(mavenRepo, quarkusVersion);
        usesKafka = properties.keySet().stream().anyMatch(k -> k.startsWith("mp.messaging.") && properties.get(k).equals("smallrye-kafka"));
    }

    // ---------------------------------------------------------------- @ConfigMapping

    private void readMappings() throws IOException {
        Path sources = moduleDir.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String body = stripComments(Files.readString(file));
                Matcher mapping = MAPPING.matcher(body);
                if (mapping.find()) {
                    Map<String, String> interfaces = interfaceBodies(body);
                    String top = interfaceNameAfter(body, mapping.end());
                    walkInterface(interfaces, top, mapping.group(1), module + "/" + sources.relativize(file), 0);
                }
            }
        }
    }

    /** Java source without comments; string literals (which may hold "//" or braces) are kept as they are. */
    static String stripComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, source.length());
                out.append(source, i, end);
                i = end;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String interfaceNameAfter(String source, int from) {
        Matcher matcher = Pattern.compile("interface\\s+(\\w+)").matcher(source);
        return matcher.find(from) ? matcher.group(1) : null;
    }

    /** Every interface's own body (nested interfaces cut out), by simple name. */
    private static Map<String, String> interfaceBodies(String source) {
        Map<String, String> bodies = new LinkedHashMap<>();
        // braces inside string literals are not structure: scan a copy with the literals' contents masked
        Matcher literal = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"").matcher(source);
        StringBuilder maskedBuilder = new StringBuilder(source);
        while (literal.find()) {
            for (int j = literal.start() + 1; j < literal.end() - 1; j++) {
                maskedBuilder.setCharAt(j, '_');
            }
        }
        String masked = maskedBuilder.toString();
        Matcher matcher = Pattern.compile("interface\\s+(\\w+)[^{]*\\{").matcher(masked);
        while (matcher.find()) {
            int depth = 1;
            int i = matcher.end();
            StringBuilder own = new StringBuilder();
            int nestedStart = -1;
            for (; i < source.length() && depth > 0; i++) {
                char c = masked.charAt(i);
                if (c == '{') {
                    depth++;
                    if (depth == 2) {
                        nestedStart = i;
                    }
                } else if (c == '}') {
                    depth--;
                }
                if (depth == 1 && nestedStart < 0) {
                    own.append(source.charAt(i));
                } else if (depth == 1) {
                    nestedStart = -1;
                    own.append(';');
                }
            }
            bodies.put(matcher.group(1), own.toString());
        }
        return bodies;
    }

    private void walkInterface(Map<String, String> interfaces, String name, String prefix, String origin, int depth) {
        String body = interfaces.get(name);
        if (body == null || depth > 10) {
            return;
        }
        // annotations, then "Type name();" (default methods have bodies and were cut out)
        Matcher method = Pattern.compile(
                "((?:@\\w+(?:\\s*\\((?:\"[^\"]*\"|[^)\"])*\\))?\\s*)*)([\\w.<>, ?\\[\\]]+?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;").matcher(body);
        while (method.find()) {
            String annotations = method.group(1);
            String type = method.group(2).trim();
            if (type.startsWith("interface") || type.contains("static") || type.matches("(?s).*\\bdefault\\b.*")) {
                // nested interfaces, constants and default methods (computed from other keys) are no keys
                continue;
            }
            Matcher withName = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]+)\"").matcher(annotations);
            String key = prefix + "." + (withName.find() ? withName.group(1) : kebab(method.group(3)));
            String element = type.replaceAll("^(Optional|List|Set)<(.*)>$", "$2").replaceAll("^(Optional|List|Set)<(.*)>$", "$2");
            if (type.startsWith("Map<")) {
                mappingKeys.add(new Key(key + ".*", false, origin));
            } else if (interfaces.containsKey(element)) {
                walkInterface(interfaces, element, key, origin, depth + 1);
            } else {
                boolean optional = type.startsWith("Optional") || annotations.contains("@WithDefault");
                mappingKeys.add(new Key(key, !optional, origin));
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
                .toLowerCase(Locale.ROOT);
    }

    /** The environment variable SmallRye Config maps to a property name. */
    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- Quarkus extensions

    private void readExtensions(Path mavenRepo, String quarkusVersion) throws IOException {
        Set<String> seen = new HashSet<>();
        Deque<String[]> queue = new ArrayDeque<>(directQuarkusDependencies(Files.readString(moduleDir.resolve("pom.xml"))));
        queue.add(new String[] {"quarkus-core", null});
        while (!queue.isEmpty()) {
            String[] dependency = queue.poll();
            String artifact = dependency[0];
            String version = dependency[1] == null || dependency[1].contains("$") ? quarkusVersion : dependency[1];
            if (!seen.add(artifact)) {
                continue;
            }
            Path dir = mavenRepo.resolve("io/quarkus/" + artifact + "/" + version);
            if (!Files.isDirectory(dir) && dependency[1] == null) {
                // a library of the io.quarkus group released apart from the platform (e.g. quarkus-fs-util):
                // its version is managed by the BOM; any version present will do, such libraries have no config
                Path versions = mavenRepo.resolve("io/quarkus/" + artifact);
                if (Files.isDirectory(versions)) {
                    try (Stream<Path> candidates = Files.list(versions)) {
                        Path found = candidates.filter(Files::isDirectory).sorted().reduce((a, b) -> b).orElse(null);
                        if (found != null) {
                            dir = found;
                            version = found.getFileName().toString();
                        }
                    }
                }
            }
            Path jar = dir.resolve(artifact + "-" + version + ".jar");
            Path pom = dir.resolve(artifact + "-" + version + ".pom");
            if (Files.exists(pom)) {
                queue.addAll(directQuarkusDependencies(Files.readString(pom)));
            }
            if (!Files.exists(jar)) {
                if (Files.exists(pom) && Files.readString(pom).contains("<packaging>pom</packaging>")) {
                    continue;
                }
                missingJars.add("io.quarkus:" + artifact + ":" + version);
                continue;
            }
            extensionJars.add(artifact);
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                var entry = zip.getEntry("META-INF/quarkus-config-doc/quarkus-config-model.json");
                if (entry != null) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        collectPaths(new ObjectMapper().readTree(in));
                    }
                }
            }
        }
    }

    /** io.quarkus dependencies (artifact, version or null) of a pom that are not test, provided or optional. */
    static List<String[]> directQuarkusDependencies(String pom) {
        List<String[]> result = new ArrayList<>();
        String dependencies = pom.replaceAll("(?s)<dependencyManagement>.*?</dependencyManagement>", "")
                .replaceAll("(?s)<build>.*?</build>", "").replaceAll("(?s)<profiles>.*?</profiles>", "");
        Matcher dependency = DEPENDENCY.matcher(dependencies);
        while (dependency.find()) {
            String text = dependency.group(1);
            if (text.contains("<groupId>io.quarkus</groupId>") && !text.matches("(?s).*<scope>(test|provided)</scope>.*")
                    && !text.contains("<optional>true</optional>")) {
                Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(text);
                Matcher version = Pattern.compile("<version>([^<]+)</version>").matcher(text);
                if (artifact.find() && !artifact.group(1).endsWith("-deployment")) {
                    result.add(new String[] {artifact.group(1), version.find() ? version.group(1) : null});
                }
            }
        }
        return result;
    }

    private void collectPaths(JsonNode node) {
        if (node.isObject()) {
            JsonNode path = node.get("path");
            if (path != null && path.isObject() && path.has("property") && node.has("phase")) {
                boolean buildTime = node.get("phase").asText().startsWith("BUILD_TIME");
                addExtensionKey(path.get("property").asText(), buildTime);
                for (JsonNode additional : node.path("additionalPaths")) {
                    addExtensionKey(additional.path("property").asText(), buildTime);
                }
            }
            node.fields().forEachRemaining(field -> collectPaths(field.getValue()));
        } else if (node.isArray()) {
            node.forEach(this::collectPaths);
        }
    }

    private void addExtensionKey(String property, boolean buildTime) {
        if (property.isEmpty()) {
            return;
        }
        if (buildTime) {
            buildTimeEnv.add(env(property));
            return;
        }
        extensionKeys.put(envPattern(property), property);
    }

    /** quarkus.oidc."tenant".auth-server-url -> QUARKUS_OIDC_(named)_AUTH_SERVER_URL (both env spellings). */
    static Pattern envPattern(String property) {
        StringBuilder regex = new StringBuilder();
        for (String segment : property.split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (regex.length() > 0) {
                regex.append('_');
            }
            if (segment.startsWith("\"") || segment.equals("*")) {
                regex.append("_?[A-Z0-9_]+?_?");
            } else if (segment.endsWith("[*]")) {
                regex.append(Pattern.quote(env(segment.substring(0, segment.length() - 3)))).append("_[0-9]+_");
            } else {
                regex.append(Pattern.quote(env(segment)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    // ---------------------------------------------------------------- Kafka

    /** Topics read, topics written and consumer groups of the service's smallrye-kafka channels. */
    record KafkaUse(Set<String> readTopics, Set<String> writeTopics, Set<String> groups) {
    }

    KafkaUse kafkaUse() {
        Set<String> read = new LinkedHashSet<>();
        Set<String> write = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (String key : properties.keySet()) {
            Matcher connector = Pattern.compile("^mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector$").matcher(key);
            if (!connector.matches() || !"smallrye-kafka".equals(properties.get(key))) {
                continue;
            }
            String prefix = "mp.messaging." + connector.group(1) + "." + connector.group(2) + ".";
            String topics = properties.getOrDefault(prefix + "topics", properties.getOrDefault(prefix + "topic", connector.group(2)));
            if (connector.group(1).equals("incoming")) {
                for (String topic : topics.split(",")) {
                    read.add(topic.trim());
                }
                groups.add(properties.getOrDefault(prefix + "group.id",
                        properties.getOrDefault("quarkus.application.name", module)));
                if ("dead-letter-queue".equals(properties.get(prefix + "failure-strategy"))) {
                    write.add(properties.getOrDefault(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + connector.group(2)));
                }
            } else {
                write.add(topics.trim());
            }
        }
        return new KafkaUse(read, write, groups);
    }
}
