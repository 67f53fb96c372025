package io.newslens.nlp.linking.index;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where the alias dictionary comes from: by default {@code wikidict.tab.gz} inside CoreNLP's
 * {@code models-english-kbp} jar on the class path, or a file given by path (plain or gzipped). Its fingerprint
 * (the zip entry's CRC-32 and size, free to read; else a CRC-32 of the bytes) names the index built from it, so a
 * new dictionary gets a new index and an unchanged one is reused.
 */
public final class DictionarySource {

    public static final String RESOURCE = "edu/stanford/nlp/models/kbp/english/wikidict.tab.gz";

    private final String description;
    private final long fingerprint;
    private final Opener opener;

    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    private DictionarySource(String description, long fingerprint, Opener opener) {
        this.description = description;
        this.fingerprint = fingerprint;
        this.opener = opener;
    }

    /** The dictionary on the class path, or null when the models-english-kbp jar is not there. */
    public static DictionarySource fromClasspath(ClassLoader loader) throws IOException {
        URL url = loader.getResource(RESOURCE);
        if (url == null) {
            return null;
        }
        String spec = url.toString();
        if (spec.startsWith("jar:file:") && spec.contains("!/")) {
            Path jar = Paths.get(URI.create(spec.substring(4, spec.indexOf("!/"))));
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.getEntry(RESOURCE);
                if (entry != null && entry.getCrc() != -1 && entry.getSize() != -1) {
                    long fp = entry.getCrc() << 32 ^ entry.getSize();
                    return new DictionarySource(jar.getFileName() + "!/" + RESOURCE, fp, () -> {
                        ZipFile z = new ZipFile(jar.toFile());
                        InputStream in = z.getInputStream(z.getEntry(RESOURCE));
                        return new java.io.FilterInputStream(in) {
                            @Override
                            public void close() throws IOException {
                                super.close();
                                z.close();
                            }
                        };
                    });
                }
            }
        }
        long fp = crcOf(url::openStream);
        return new DictionarySource(spec, fp, url::openStream);
    }

    /** A dictionary file: {@code .gz} or plain text. */
    public static DictionarySource fromFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no dictionary file " + file);
        }
        long fp = crcOf(() -> Files.newInputStream(file));
        return new DictionarySource(file.toString(), fp, () -> Files.newInputStream(file));
    }

    private static long crcOf(Opener opener) throws IOException {
        CRC32 crc = new CRC32();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = opener.open()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                crc.update(buffer, 0, n);
                size += n;
            }
        }
        return crc.getValue() << 32 ^ size;
    }

    public String description() {
        return description;
    }

    public long fingerprint() {
        return fingerprint;
    }

    /** The dictionary's lines, decompressed when gzipped. */
    public BufferedReader open() throws IOException {
        InputStream raw = new BufferedInputStream(opener.open(), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        InputStream in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Deletes index files of this dictionary in other format versions (left by older releases) from a folder.
     * Safe while an old process still maps one: the file's space is freed when it unmaps it.
     *
     * @return how many were deleted
     */
    public int deleteOtherVersions(Path dir) {
        String prefix = String.format("wikidict-%016x-v", fingerprint);
        String current = indexFileName();
        int deleted = 0;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(".idx") && !name.equals(current)) {
                    Files.deleteIfExists(f);
                    deleted++;
                }
            }
        } catch (IOException ignored) {
            // a leftover file costs disk space only
        }
        return deleted;
    }

    /** The index file name for this dictionary and the current format. */
    public String indexFileName() {
        return String.format("wikidict-%016x-v%d.idx", fingerprint, IndexFormat.VERSION);
    }
}
