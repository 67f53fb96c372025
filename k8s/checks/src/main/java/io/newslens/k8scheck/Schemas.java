package io.newslens.k8scheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The vendored schemas (k8s/schemas), indexed by apiVersion and kind:
 * <ul>
 *   <li>{@code kubernetes-<version>/definitions.json}: the Kubernetes API types, as structural schemas with
 *       {@code $ref}s, and a table from "group/version/Kind" to a definition (see k8s/schemas/README.md);</li>
 *   <li>every other {@code *.yaml}: CustomResourceDefinitions, whose served versions' openAPIV3Schema is used
 *       as is (the operators' own CRDs, or hand-written ones where none could be had, which the README says).</li>
 * </ul>
 */
final class Schemas {

    /** The schema of one kind, and where it came from (for the summary). */
    record KindSchema(Map<String, Object> schema, String source, Map<String, Object> definitions) {
    }

    private final Map<String, KindSchema> byKind = new LinkedHashMap<>();
    private Map<String, Object> coreDefinitions = Map.of();
    private String objectMetaRef;

    @SuppressWarnings("unchecked")
    Schemas(Path schemaDir) throws IOException {
        try (Stream<Path> files = Files.walk(schemaDir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String source = schemaDir.relativize(file).toString();
                if (name.equals("definitions.json")) {
                    Map<String, Object> root = new ObjectMapper().readValue(file.toFile(), LinkedHashMap.class);
                    coreDefinitions = Yaml.map(root, "definitions");
                    objectMetaRef = Yaml.string(root, "objectMeta");
                    Yaml.map(root, "kinds").forEach((gvk, definition) -> byKind.put(gvk,
                            new KindSchema(Map.of("$ref", "#/definitions/" + definition), source, coreDefinitions)));
                } else if ((name.endsWith(".yaml") || name.endsWith(".yml")) && !source.startsWith("fixtures")) {
                    for (Map<String, Object> document : Yaml.loadAll(file)) {
                        if (!"CustomResourceDefinition".equals(document.get("kind"))) {
                            continue;
                        }
                        String group = Yaml.string(document, "spec", "group");
                        String kind = Yaml.string(document, "spec", "names", "kind");
                        for (Map<String, Object> version : Yaml.maps(document, "spec", "versions")) {
                            if (Boolean.FALSE.equals(version.get("served"))) {
                                continue;
                            }
                            Map<String, Object> schema = Yaml.map(version, "schema", "openAPIV3Schema");
                            byKind.put(group + "/" + version.get("name") + "/" + kind,
                                    new KindSchema(schema, source, coreDefinitions));
                        }
                    }
                }
            }
        }
    }

    /** "apps/v1" + "Deployment" -> "apps/v1/Deployment"; "v1" + "Service" -> "core/v1/Service". */
    static String key(String apiVersion, String kind) {
        return (apiVersion.contains("/") ? apiVersion : "core/" + apiVersion) + "/" + kind;
    }

    KindSchema find(String apiVersion, String kind) {
        return byKind.get(key(apiVersion, kind));
    }

    /** The Kubernetes ObjectMeta schema, used for the metadata of custom resources too. */
    Map<String, Object> objectMeta() {
        return objectMetaRef == null ? null : Map.of("$ref", "#/definitions/" + objectMetaRef);
    }

    Map<String, Object> coreDefinitions() {
        return coreDefinitions;
    }

    List<String> kinds() {
        return List.copyOf(byKind.keySet());
    }
}
