package io.newslens.ingest.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stable article identity: the normalised URL when there is one (tracking parameters, fragments,
 * default ports and letter case of the host do not make a new article), else the normalised text.
 */
public final class ArticleIdentity {

    private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid",
            "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "_gl", "ref", "ref_src", "ref_url", "referrer",
            "cmpid", "cmp", "ncid", "ocid", "smid", "smtyp", "sr_share", "share", "at_medium", "at_campaign",
            "ito", "spm", "src", "taid", "xtor", "icid", "rss", "feed", "output");

    private ArticleIdentity() {
    }

    /**
     * The URL reduced to what identifies the page: lower-case scheme and host, no default port, no
     * fragment, no tracking parameters, remaining parameters sorted, no trailing slash.
     *
     * @throws IllegalArgumentException when it is not an absolute http(s) URL
     */
    public static String normalizeUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("only http and https URLs are accepted");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("the URL has no host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        if (host.startsWith("m.") || host.startsWith("amp.")) {
            host = host.substring(host.indexOf('.') + 1);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        path = path.replaceAll("/{2,}", "/");
        if (path.endsWith("/amp") || path.endsWith("/amp/")) {
            path = path.substring(0, path.lastIndexOf("/amp"));
        }
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty())
                .filter(p -> {
                    String name = p.split("=", 2)[0].toLowerCase(Locale.ROOT);
                    return !name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name);
                })
                .sorted()
                .collect(Collectors.joining("&"));
        // http and https variants of one page are one article
        return "//" + host + (defaultPort ? "" : ":" + port) + path + (query.isEmpty() ? "" : "?" + query);
    }

    /** Text reduced so that whitespace, Unicode forms and letter case do not make a different article. */
    public static String normalizeText(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        t = DASHES.matcher(t).replaceAll("-");
        t = SINGLE_QUOTES.matcher(t).replaceAll("'");
        t = DOUBLE_QUOTES.matcher(t).replaceAll("\"");
        return WHITESPACE.matcher(t).replaceAll(" ").strip();
    }

    // compiled once: every article's text is normalised for its hash and its MinHash shingles
    private static final java.util.regex.Pattern DASHES = java.util.regex.Pattern.compile("[\\p{Pd}]");
    private static final java.util.regex.Pattern SINGLE_QUOTES = java.util.regex.Pattern.compile("[\u2018\u2019\u201a\u201b]");
    private static final java.util.regex.Pattern DOUBLE_QUOTES = java.util.regex.Pattern.compile("[\u201c\u201d\u201e\u201f]");
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    public static String textHash(String text) {
        return sha256Hex(normalizeText(text));
    }

    public static String idForUrl(String normalizedUrl) {
        return sha256Hex("url:" + normalizedUrl).substring(0, 32);
    }

    public static String idForText(String textHash) {
        return sha256Hex("text:" + textHash).substring(0, 32);
    }

    public static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
