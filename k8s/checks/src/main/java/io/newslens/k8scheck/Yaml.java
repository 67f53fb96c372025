package io.newslens.k8scheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Small helpers over SnakeYAML's plain maps and lists (the shape kubectl kustomize prints). */
final class Yaml {

    private Yaml() {
    }

    static List<Map<String, Object>> loadAll(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        options.setMaxAliasesForCollections(200);
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(options));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(Files.readString(file))) {
            if (document instanceof Map<?, ?> map) {
                documents.add(cast(map));
            }
        }
        return documents;
    }

    static String dump(Object value) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(120);
        options.setSplitLines(false);
        return new org.yaml.snakeyaml.Yaml(options).dump(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

    /** The map at a path of keys, or an empty map. */
    static Map<String, Object> map(Object root, String... path) {
        Object value = get(root, path);
        return value instanceof Map<?, ?> map ? cast(map) : new LinkedHashMap<>();
    }

    /** The list at a path of keys, or an empty list. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object root, String... path) {
        Object value = get(root, path);
        return value instanceof List<?> list ? (List<Object>) list : new ArrayList<>();
    }

    static List<Map<String, Object>> maps(Object root, String... path) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object item : list(root, path)) {
            if (item instanceof Map<?, ?> map) {
                result.add(cast(map));
            }
        }
        return result;
    }

    static String string(Object root, String... path) {
        Object value = get(root, path);
        return value == null ? null : String.valueOf(value);
    }

    static Object get(Object root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    /** kind/namespace/name of a Kubernetes object, for messages. */
    static String id(Map<String, Object> object) {
        String namespace = string(object, "metadata", "namespace");
        return object.get("kind") + "/" + (namespace == null ? "" : namespace + "/") + string(object, "metadata", "name");
    }
}
