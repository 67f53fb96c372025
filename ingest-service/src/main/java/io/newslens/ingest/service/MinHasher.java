package io.newslens.ingest.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * MinHash signatures over word 4-shingles, with locality-sensitive hashing bands: two texts whose
 * shingle sets have Jaccard similarity s share a band with probability 1 - (1 - s^ROWS)^BANDS, which is
 * above 0.99 for s = 0.7 and about 0.05 for s = 0.3.
 */
public final class MinHasher {

    public static final int HASHES = 128;
    public static final int BANDS = 32;
    public static final int ROWS = HASHES / BANDS;
    private static final int SHINGLE_WORDS = 4;
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N} ]");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(" +");
    private static final long[] A = new long[HASHES];
    private static final long[] B = new long[HASHES];

    static {
        // fixed seed: signatures must be comparable across replicas and restarts
        SplittableRandom random = new SplittableRandom(0x6e65_7773_6c65_6e73L);
        for (int i = 0; i < HASHES; i++) {
            A[i] = random.nextLong() | 1L;
            B[i] = random.nextLong();
        }
    }

    private MinHasher() {
    }

    public static long[] signature(String text) {
        long[] sig = new long[HASHES];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (long shingle : shingles(text)) {
            for (int i = 0; i < HASHES; i++) {
                long h = mix(shingle * A[i] + B[i]);
                if (h < sig[i]) {
                    sig[i] = h;
                }
            }
        }
        return sig;
    }

    /** The estimated Jaccard similarity of two signatures. */
    public static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same / (double) HASHES;
    }

    public static long[] bandBuckets(long[] signature) {
        long[] buckets = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h ^ signature[band * ROWS + r]);
            }
            buckets[band] = h;
        }
        return buckets;
    }

    public static byte[] toBytes(long[] signature) {
        ByteBuffer buffer = ByteBuffer.allocate(signature.length * Long.BYTES);
        for (long v : signature) {
            buffer.putLong(v);
        }
        return buffer.array();
    }

    public static long[] fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long[] sig = new long[bytes.length / Long.BYTES];
        for (int i = 0; i < sig.length; i++) {
            sig[i] = buffer.getLong();
        }
        return sig;
    }

    static Set<Long> shingles(String text) {
        String[] words = SPACES.split(NOT_WORD.matcher(ArticleIdentity.normalizeText(text)).replaceAll(" ").trim());
        Set<Long> out = new HashSet<>();
        if (words.length < SHINGLE_WORDS) {
            out.add(hash(String.join(" ", words)));
            return out;
        }
        for (int i = 0; i + SHINGLE_WORDS <= words.length; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = 0; j < SHINGLE_WORDS; j++) {
                s.append(words[i + j]).append(' ');
            }
            out.add(hash(s.toString()));
        }
        return out;
    }

    private static long hash(String s) {
        long h = 0xcbf29ce484222325L; // FNV-1a, then mixed
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
