package io.newslens.k8scheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes k8s/schemas/kubernetes-1.32/definitions.json from the official Kubernetes Java client
 * (io.kubernetes:client-java-api 23.0.0, generated from the Kubernetes v1.32 OpenAPI document). Each model class
 * carries the API's property names (@SerializedName), its required fields (openapiRequiredFields) and typed
 * fields; this turns them back into structural schemas. Run by k8s/checks/update-schemas.sh only; the checks
 * read the JSON. Uses reflection so the checker itself does not depend on the client.
 */
final class KubernetesSchemaGenerator {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final Pattern API_PATH = Pattern.compile("/apis?/(?:([a-z0-9.\\-]+)/)?(v[0-9]+(?:(?:alpha|beta)[0-9]+)?)/");

    private final Map<String, Object> definitions = new TreeMap<>();
    private final Map<String, String> kinds = new TreeMap<>();

    static void generate(Path output, String kubernetesVersion) throws Exception {
        KubernetesSchemaGenerator generator = new KubernetesSchemaGenerator();
        Class<?> anchor = Class.forName(MODELS + "V1ObjectMeta");
        Path jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            List<JarEntry> entries = jarFile.stream().toList();
            for (JarEntry entry : entries) {
                String name = entry.getName();
                if (name.startsWith("io/kubernetes/client/openapi/models/") && name.endsWith(".class") && !name.contains("$")) {
                    generator.define(Class.forName(name.replace('/', '.').replace(".class", "")));
                }
            }
            for (JarEntry entry : entries) {
                String name = entry.getName();
                if (name.startsWith("io/kubernetes/client/openapi/apis/") && name.endsWith("Api.class")) {
                    String bytes = new String(jarFile.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
                    generator.kindsOf(Class.forName(name.replace('/', '.').replace(".class", "")), bytes);
                }
            }
        }
        Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("source", "io.kubernetes:client-java-api " + jar.getFileName()
                + " (generated from the Kubernetes " + kubernetesVersion + " OpenAPI document) by k8s/checks/update-schemas.sh");
        root.put("kubernetesVersion", kubernetesVersion);
        root.put("objectMeta", "V1ObjectMeta");
        root.put("kinds", generator.kinds);
        root.put("definitions", generator.definitions);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(output.toFile(), root);
        System.out.println("wrote " + output + ": " + generator.kinds.size() + " kinds, "
                + generator.definitions.size() + " definitions");
    }

    private void define(Class<?> model) throws ReflectiveOperationException {
        if (model.isEnum() || model.isInterface() || Modifier.isAbstract(model.getModifiers())) {
            return;
        }
        Map<String, Object> properties = new TreeMap<>();
        for (Field field : model.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            String serializedName = serializedName(field);
            if (serializedName != null) {
                properties.put(serializedName, schemaOf(field.getGenericType()));
            }
        }
        if (properties.isEmpty()) {
            return;
        }
        Map<String, Object> schema = new java.util.LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        try {
            Field requiredField = model.getDeclaredField("openapiRequiredFields");
            requiredField.setAccessible(true);
            Collection<?> required = (Collection<?>) requiredField.get(null);
            if (required != null && !required.isEmpty()) {
                schema.put("required", required.stream().map(String::valueOf).sorted().toList());
            }
        } catch (NoSuchFieldException ignored) {
            // older generator versions: no required list
        }
        definitions.put(model.getSimpleName(), schema);
    }

    private static String serializedName(Field field) throws ReflectiveOperationException {
        for (Annotation annotation : field.getAnnotations()) {
            if (annotation.annotationType().getName().equals("com.google.gson.annotations.SerializedName")) {
                return (String) annotation.annotationType().getMethod("value").invoke(annotation);
            }
        }
        return null;
    }

    private Map<String, Object> schemaOf(Type type) throws ReflectiveOperationException {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw) || java.util.Set.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schemaOf(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", schemaOf(arguments[1]));
            }
            return Map.of();
        }
        Class<?> cls = (Class<?>) type;
        String name = cls.getName();
        if (cls == String.class) {
            return Map.of("type", "string");
        }
        if (cls == Integer.class || cls == int.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (cls == Long.class || cls == long.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (cls == Boolean.class || cls == boolean.class) {
            return Map.of("type", "boolean");
        }
        if (Number.class.isAssignableFrom(cls) || cls == double.class || cls == float.class) {
            return Map.of("type", "number");
        }
        if (cls == byte[].class) {
            return Map.of("type", "string", "format", "byte");
        }
        if (name.equals("java.time.OffsetDateTime")) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (name.equals("io.kubernetes.client.custom.IntOrString")) {
            return Map.of("x-kubernetes-int-or-string", true);
        }
        if (name.equals("io.kubernetes.client.custom.Quantity")) {
            return Map.of("x-kubernetes-int-or-string", true, "format", "quantity");
        }
        if (cls.isEnum()) {
            List<String> values = new ArrayList<>();
            Method getValue = cls.getMethod("getValue");
            for (Object constant : cls.getEnumConstants()) {
                values.add(String.valueOf(getValue.invoke(constant)));
            }
            return Map.of("type", "string", "enum", values);
        }
        if (name.startsWith(MODELS)) {
            return Map.of("$ref", "#/definitions/" + cls.getSimpleName());
        }
        // Object and anything free-form (e.g. RawExtension, JSON)
        return Map.of("x-kubernetes-preserve-unknown-fields", true);
    }

    /** group/version of an API class from the request paths in its bytecode, kinds from its create methods. */
    private void kindsOf(Class<?> api, String bytes) {
        Matcher matcher = API_PATH.matcher(bytes);
        if (!matcher.find()) {
            return;
        }
        String group = matcher.group(1) == null ? "core" : matcher.group(1);
        String version = matcher.group(2);
        String versionPrefix = Character.toUpperCase(version.charAt(0)) + version.substring(1);
        for (Method method : api.getMethods()) {
            if (!method.getName().startsWith("create")) {
                continue;
            }
            for (Class<?> parameter : method.getParameterTypes()) {
                String simple = parameter.getSimpleName();
                int at = simple.indexOf(versionPrefix);
                if (parameter.getName().startsWith(MODELS) && at >= 0 && definitions.containsKey(simple)) {
                    String kind = simple.substring(at + versionPrefix.length());
                    if (!kind.isEmpty() && Character.isUpperCase(kind.charAt(0)) && !kind.endsWith("Options")) {
                        kinds.put(group + "/" + version + "/" + kind, simple);
                    }
                }
            }
        }
    }

    private KubernetesSchemaGenerator() {
    }
}
