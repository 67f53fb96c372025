package io.newslens.ingest.extraction;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org objects a page declares in {@code <script type="application/ld+json">}, flattened out of
 * {@code @graph}s, arrays and {@code mainEntity} nesting. Broken JSON (trailing commas, comments, raw newlines, all
 * common in CMS output) is read leniently; what still cannot be read is skipped.
 */
final class JsonLd {

    static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
            "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "blogposting",
            "liveblogposting", "socialmediaposting", "scholarlyarticle", "techarticle", "report", "posting");

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(JsonParser.Feature.IGNORE_UNDEFINED)
            .build();

    private JsonLd() {
    }

    /** Every object with an {@code @type} found in the page's JSON-LD, outermost first. */
    static List<JsonNode> objects(Document page) {
        List<JsonNode> out = new ArrayList<>();
        for (Element script : page.select("script[type~=(?i)application/ld\\+json]")) {
            String json = script.data().strip();
            if (json.startsWith("<!--")) {
                json = json.substring(4);
            }
            if (json.endsWith("-->")) {
                json = json.substring(0, json.length() - 3);
            }
            try {
                collect(LENIENT.readTree(json), out, 0);
            } catch (Exception ignored) {
                // a broken block says nothing reliable
            }
        }
        return out;
    }

    private static void collect(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 6) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                collect(n, out, depth + 1);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("@type")) {
            out.add(node);
        }
        collect(node.get("@graph"), out, depth + 1);
        JsonNode main = node.get("mainEntity");
        if (main != null && (main.isObject() || main.isArray())) {
            collect(main, out, depth + 1);
        }
    }

    static boolean isArticle(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (ARTICLE_TYPES.contains(t.asText().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
        return ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT));
    }

    static boolean hasType(JsonNode node, String wanted) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equalsIgnoreCase(wanted)) {
                    return true;
                }
            }
            return false;
        }
        return type.asText().equalsIgnoreCase(wanted);
    }

    /** A text property, or the {@code name} of an object property, or the values of an array joined. */
    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v == null ? null : flatten(v);
    }

    static String flatten(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual() || v.isNumber()) {
            String s = v.asText().strip();
            return s.isEmpty() ? null : s;
        }
        if (v.isObject()) {
            return flatten(v.get("name"));
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode n : v) {
                String s = flatten(n);
                if (s != null && !parts.contains(s)) {
                    parts.add(s);
                }
            }
            return parts.isEmpty() ? null : String.join(", ", parts);
        }
        return null;
    }

    /** The first value of a property that may be a list ("datePublished": ["2023-04-16", ...]). */
    static String first(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null) {
            return null;
        }
        if (v.isArray()) {
            return v.isEmpty() ? null : v.get(0).asText(null);
        }
        return v.isValueNode() ? v.asText(null) : null;
    }
}
