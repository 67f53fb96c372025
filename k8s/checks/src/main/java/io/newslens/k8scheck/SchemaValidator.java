package io.newslens.k8scheck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates a value against a Kubernetes structural schema (the OpenAPI v3 subset of CRDs and of the Kubernetes
 * API): type, properties, required, additionalProperties, items, enum, nullable, pattern, length and count
 * bounds, minimum/maximum, x-kubernetes-int-or-string, x-kubernetes-preserve-unknown-fields, allOf/anyOf/oneOf
 * and $ref into a definitions table.
 * <p>
 * Unknown fields are errors, as with {@code kubectl apply --validate=strict} (the default since 1.27): an object
 * schema that lists properties admits no others unless it preserves unknown fields or says additionalProperties.
 * CEL rules (x-kubernetes-validations) are not evaluated; the API server does that.
 */
final class SchemaValidator {

    private static final Pattern QUANTITY = Pattern.compile(
            "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");

    private final Map<String, Object> definitions;
    private final List<String> errors = new ArrayList<>();

    private SchemaValidator(Map<String, Object> definitions) {
        this.definitions = definitions;
    }

    static List<String> validate(Object value, Map<String, Object> schema, Map<String, Object> definitions) {
        SchemaValidator validator = new SchemaValidator(definitions);
        validator.check(value, schema, "");
        return validator.errors;
    }

    private Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = String.valueOf(ref).substring("#/definitions/".length());
        Object target = definitions.get(name);
        if (target == null) {
            throw new IllegalStateException("schema reference " + ref + " not found");
        }
        return resolve(Yaml.cast(target));
    }

    private void check(Object value, Map<String, Object> rawSchema, String path) {
        Map<String, Object> schema = resolve(rawSchema);
        String where = path.isEmpty() ? "(root)" : path;
        if (value == null) {
            if (!Boolean.TRUE.equals(schema.get("nullable")) && schema.containsKey("type")) {
                errors.add(where + ": null is not allowed");
            }
            return;
        }
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
            if (!(value instanceof Integer || value instanceof Long || value instanceof String)) {
                errors.add(where + ": must be an integer or a string, not " + describe(value));
            } else if ("quantity".equals(schema.get("format")) && value instanceof String text
                    && !QUANTITY.matcher(text).matches()) {
                errors.add(where + ": '" + text + "' is not a Kubernetes quantity");
            }
            checkCombinators(value, schema, path);
            return;
        }
        String type = (String) schema.get("type");
        if (type != null && !hasType(value, type)) {
            errors.add(where + ": must be " + type + ", not " + describe(value));
            return;
        }
        if (schema.get("enum") instanceof List<?> allowed && !allowed.isEmpty() && !matchesEnum(value, allowed)) {
            errors.add(where + ": '" + value + "' is not one of " + allowed);
        }
        if (value instanceof String text) {
            checkString(text, schema, where);
        } else if (value instanceof Number number) {
            checkNumber(number, schema, where);
        } else if (value instanceof List<?> list) {
            checkBound(list.size(), schema.get("minItems"), schema.get("maxItems"), where, "items");
            Object items = schema.get("items");
            if (items instanceof Map<?, ?> itemSchema) {
                for (int i = 0; i < list.size(); i++) {
                    check(list.get(i), Yaml.cast(itemSchema), path + "[" + i + "]");
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            checkObject(Yaml.cast(map), schema, path, where);
        }
        checkCombinators(value, schema, path);
    }

    private void checkObject(Map<String, Object> object, Map<String, Object> schema, String path, String where) {
        Map<String, Object> properties = Yaml.map(schema, "properties");
        for (Object required : Yaml.list(schema, "required")) {
            if (!object.containsKey(String.valueOf(required))) {
                errors.add(where + ": required field '" + required + "' is missing");
            }
        }
        checkBound(object.size(), schema.get("minProperties"), schema.get("maxProperties"), where, "properties");
        boolean preserve = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
        Object additional = schema.get("additionalProperties");
        for (Map.Entry<String, Object> entry : object.entrySet()) {
            String childPath = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            Object propertySchema = properties.get(entry.getKey());
            if (propertySchema instanceof Map<?, ?> ps) {
                check(entry.getValue(), Yaml.cast(ps), childPath);
            } else if (additional instanceof Map<?, ?> as) {
                check(entry.getValue(), Yaml.cast(as), childPath);
            } else if (Boolean.TRUE.equals(additional) || preserve) {
                // free-form
            } else if (!properties.isEmpty() || Boolean.FALSE.equals(additional)) {
                errors.add(childPath + ": unknown field (not in the schema)");
            }
        }
    }

    private void checkCombinators(Object value, Map<String, Object> schema, String path) {
        for (Object sub : Yaml.list(schema, "allOf")) {
            check(value, Yaml.cast(sub), path);
        }
        List<Object> anyOf = Yaml.list(schema, "anyOf");
        if (!anyOf.isEmpty() && countMatches(value, anyOf, path) == 0) {
            errors.add((path.isEmpty() ? "(root)" : path) + ": matches none of the anyOf alternatives");
        }
        List<Object> oneOf = Yaml.list(schema, "oneOf");
        if (!oneOf.isEmpty()) {
            int matches = countMatches(value, oneOf, path);
            if (matches != 1) {
                errors.add((path.isEmpty() ? "(root)" : path) + ": matches " + matches
                        + " of the oneOf alternatives, must match exactly one");
            }
        }
    }

    private int countMatches(Object value, List<Object> alternatives, String path) {
        int matches = 0;
        for (Object alternative : alternatives) {
            SchemaValidator probe = new SchemaValidator(definitions);
            probe.check(value, Yaml.cast(alternative), path);
            if (probe.errors.isEmpty()) {
                matches++;
            }
        }
        return matches;
    }

    private void checkString(String text, Map<String, Object> schema, String where) {
        checkBound(text.codePointCount(0, text.length()), schema.get("minLength"), schema.get("maxLength"), where,
                "characters");
        if (schema.get("pattern") instanceof String pattern && !Pattern.compile(pattern).matcher(text).find()) {
            errors.add(where + ": '" + text + "' does not match " + pattern);
        }
        if ("quantity".equals(schema.get("format")) && !QUANTITY.matcher(text).matches()) {
            errors.add(where + ": '" + text + "' is not a Kubernetes quantity");
        }
    }

    private void checkNumber(Number number, Map<String, Object> schema, String where) {
        BigDecimal value = new BigDecimal(number.toString());
        if (schema.get("minimum") instanceof Number min && value.compareTo(new BigDecimal(min.toString())) < 0) {
            errors.add(where + ": " + number + " is below the minimum " + min);
        }
        if (schema.get("maximum") instanceof Number max && value.compareTo(new BigDecimal(max.toString())) > 0) {
            errors.add(where + ": " + number + " is above the maximum " + max);
        }
        if ("int32".equals(schema.get("format")) && (value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0)) {
            errors.add(where + ": " + number + " does not fit int32");
        }
    }

    private void checkBound(int size, Object min, Object max, String where, String unit) {
        if (min instanceof Number m && size < m.intValue()) {
            errors.add(where + ": at least " + m + " " + unit + " required, found " + size);
        }
        if (max instanceof Number m && size > m.intValue()) {
            errors.add(where + ": at most " + m + " " + unit + " allowed, found " + size);
        }
    }

    private static boolean matchesEnum(Object value, List<?> allowed) {
        for (Object candidate : allowed) {
            if (candidate != null && (candidate.equals(value) || candidate.toString().equals(value.toString())
                    && candidate.getClass() == value.getClass())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasType(Object value, String type) {
        return switch (type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            default -> true;
        };
    }

    private static String describe(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String s) {
            return "the string '" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
        }
        return value.getClass().getSimpleName().toLowerCase() + " " + value;
    }
}
