package io.newslens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./newslens ingest PATH...}: posts .txt, .text, .md, .html and .htm files (or every such file in a
 * folder) through the gateway. A folder may hold a manifest.json — a list of {file, outlet, domain, title,
 * publishedAt, language, url} — whose metadata goes with each file. Each post carries an Idempotency-Key
 * derived from the file, so running it again is safe.
 */
public final class Ingest {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ./newslens ingest PATH... (.txt, .html files or folders; a folder may hold manifest.json)");
            System.exit(2);
        }
        Gateway gateway = Gateway.fromEnvironment("ingestor");
        List<Path> files = new ArrayList<>();
        Map<Path, JsonNode> metadata = new HashMap<>();
        for (String arg : args) {
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                readManifest(gateway, path, metadata);
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(Ingest::isArticleFile).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                readManifest(gateway, path.toAbsolutePath().getParent(), metadata);
                files.add(path);
            } else {
                System.err.println("no such file or folder: " + arg);
                System.exit(2);
            }
        }
        int accepted = 0;
        int duplicates = 0;
        int failed = 0;
        for (Path file : files) {
            ObjectNode body = gateway.json().createObjectNode();
            String content = Files.readString(file, StandardCharsets.UTF_8);
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            body.put(name.endsWith(".html") || name.endsWith(".htm") ? "html" : "text", content);
            JsonNode meta = metadata.get(file.toAbsolutePath().normalize());
            if (meta != null) {
                copy(meta, "title", body, "title");
                copy(meta, "publishedAt", body, "publishedAt");
                copy(meta, "language", body, "language");
                copy(meta, "url", body, "url");
                if (meta.hasNonNull("outlet") || meta.hasNonNull("domain")) {
                    ObjectNode source = body.putObject("source");
                    copy(meta, "outlet", source, "name");
                    copy(meta, "domain", source, "domain");
                }
            }
            String key = sha256(file.getFileName() + "\n" + content);
            HttpResponse<String> response = gateway.postJson("/api/v1/articles", gateway.json().writeValueAsString(body), key);
            JsonNode answer = response.body().isBlank() ? gateway.json().createObjectNode() : gateway.json().readTree(response.body());
            if (response.statusCode() == 202) {
                accepted++;
                System.out.printf("  %-50s accepted   %s%n", file.getFileName(), answer.path("id").asText());
            } else if (response.statusCode() == 200) {
                duplicates++;
                System.out.printf("  %-50s duplicate  %s%n", file.getFileName(), answer.path("id").asText());
            } else {
                failed++;
                System.out.printf("  %-50s HTTP %d    %s%n", file.getFileName(), response.statusCode(),
                        answer.path("detail").asText(response.body()));
            }
        }
        System.out.printf("ingested %d file(s): %d accepted, %d duplicates, %d failed%n", files.size(), accepted, duplicates,
                failed);
        System.exit(failed == 0 ? 0 : 1);
    }

    static boolean isArticleFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".text") || n.endsWith(".md") && !n.equals("readme.md")
                || n.endsWith(".html") || n.endsWith(".htm");
    }

    private static void readManifest(Gateway gateway, Path dir, Map<Path, JsonNode> metadata) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return;
        }
        for (JsonNode entry : gateway.json().readTree(manifest.toFile())) {
            if (entry.hasNonNull("file")) {
                metadata.put(dir.resolve(entry.get("file").asText()).toAbsolutePath().normalize(), entry);
            }
        }
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String as) {
        if (from.hasNonNull(field)) {
            to.put(as, from.get(field).asText());
        }
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
