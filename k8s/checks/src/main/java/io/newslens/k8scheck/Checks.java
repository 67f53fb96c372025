package io.newslens.k8scheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs every check on the overlays built by devstack/check-k8s.sh and prints what failed and a summary. */
final class Checks {

    static final List<String> SERVICES = List.of("gateway", "ingest-service", "nlp-service", "query-service");

    private Checks() {
    }

    static boolean run(Path repo, Path buildDir) throws Exception {
        Findings findings = new Findings();
        Schemas schemas = new Schemas(repo.resolve("k8s/schemas"));
        Map<String, ServiceModel> models = new LinkedHashMap<>();
        for (String service : SERVICES) {
            ServiceModel model = model(repo, service);
            models.put(service, model);
            findings.expect(model.missingJars.isEmpty(), "config", service,
                    "Quarkus extension jars missing from the local Maven repository: " + model.missingJars);
        }

        RealmImport.check(repo.resolve("devstack/keycloak/newslens-realm.json"),
                repo.resolve("k8s/base/keycloak/realm-import.yaml"), findings);
        String secretsDoc = Files.exists(repo.resolve("docs/kubernetes.md")) ? Files.readString(repo.resolve("docs/kubernetes.md")) : "";

        List<Path> overlays;
        try (Stream<Path> files = Files.list(buildDir)) {
            overlays = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        findings.expect(!overlays.isEmpty(), "build", buildDir.toString(), "no built overlay found");
        for (Path overlay : overlays) {
            String name = overlay.getFileName().toString().replace(".yaml", "");
            List<Map<String, Object>> objects = Yaml.loadAll(overlay);
            new OverlayChecks(name, objects, schemas, models, findings, secretsDoc).run();
        }
        print(findings, schemas);
        return findings.ok();
    }

    /** The Quarkus version comes from the parent pom; the local repository from -Dmaven.repo.local or ~/.m2. */
    static ServiceModel model(Path repo, String service) throws IOException {
        String parent = Files.readString(repo.resolve("pom.xml"));
        java.util.regex.Matcher version = java.util.regex.Pattern
                .compile("<quarkus.platform.version>([^<]+)</quarkus.platform.version>").matcher(parent);
        String quarkusVersion = version.find() ? version.group(1) : "3.34.1";
        Path mavenRepo = Path.of(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"));
        return new ServiceModel(repo, service, mavenRepo, quarkusVersion);
    }

    private static void print(Findings findings, Schemas schemas) {
        for (Findings.Finding failure : findings.failures()) {
            System.out.println("FAIL " + failure);
        }
        System.out.println();
        System.out.println("check            looked at   failed");
        int looked = 0;
        int failed = 0;
        for (Map.Entry<String, int[]> entry : new TreeMap<>(findings.counts()).entrySet()) {
            System.out.printf("%-16s %9d %8d%n", entry.getKey(), entry.getValue()[0], entry.getValue()[1]);
            looked += entry.getValue()[0];
            failed += entry.getValue()[1];
        }
        System.out.printf("%-16s %9d %8d%n", "total", looked, failed);
        System.out.println("schemas: " + schemas.kinds().size() + " kinds vendored in k8s/schemas");
        System.out.println("k8s: " + (looked - failed) + " passed, " + failed + " failed");
    }

    /** Every name of a Secret referenced anywhere in an object (secretKeyRef, secret volumes, operator refs). */
    static void secretRefs(Object node, String key, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> m = Yaml.cast(map);
            if (key != null && key.toLowerCase().contains("secret") && !key.equals("secretTargetRef")) {
                Object name = m.containsKey("secretName") ? m.get("secretName") : m.get("name");
                if (name instanceof String s) {
                    names.add(s);
                }
            }
            if (m.get("secretName") instanceof String s) {
                names.add(s);
            }
            for (Map.Entry<String, Object> entry : m.entrySet()) {
                secretRefs(entry.getValue(), entry.getKey(), names);
            }
        } else if (node instanceof List<?> list) {
            for (Object item : list) {
                secretRefs(item, key, names);
            }
        }
    }

    static Set<String> set(String... values) {
        return new LinkedHashSet<>(List.of(values));
    }

    static List<String> strings(List<Object> values) {
        List<String> result = new ArrayList<>();
        for (Object value : values) {
            result.add(String.valueOf(value));
        }
        return result;
    }

    static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
