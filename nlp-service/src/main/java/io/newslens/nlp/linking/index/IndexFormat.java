package io.newslens.nlp.linking.index;

import java.nio.ByteBuffer;

/**
 * The on-disk layout of the linking index: one file, memory-mapped, nothing of it copied onto the heap.
 *
 * <pre>
 * header (HEADER_BYTES)
 *   magic "NLWIKIX\0", format version, source fingerprint, title count, key count, block counts,
 *   offsets of the four sections below
 * key data      blocks of up to BLOCK sorted keys, front-coded:
 *                 varint shared-prefix length, varint suffix length, suffix bytes (UTF-8),
 *                 varint entry count, entries (varint title id, byte prior, byte flags, short form hash)
 * key blocks    int offset of each key block (relative to key data)
 * title data    blocks of up to BLOCK titles in id order, front-coded:
 *                 varint shared, varint suffix length, suffix bytes, byte type, varint popularity,
 *                 byte profile length, profile ints (24-bit token hash &lt;&lt; 8 | quantised idf)
 * title blocks  int offset of each title block (relative to title data)
 * </pre>
 */
public final class IndexFormat {

    private IndexFormat() {
    }

    public static final long MAGIC = 0x4E4C57494B495800L; // "NLWIKIX\0"
    /** Bump whenever the layout or the build's filtering changes: the file name carries it, old files are rebuilt. */
    public static final int VERSION = 7;
    public static final int HEADER_BYTES = 128;
    public static final int BLOCK = 16;

    /** Entry flags: the case shapes of the dictionary aliases behind an entry, and title-derived entries. */
    public static final int FLAG_ALL_CAPS = 0x01;
    public static final int FLAG_CAPITALISED = 0x02;
    public static final int FLAG_OTHER_CASE = 0x04;
    /** the key is the title's name without its qualifier ("georgia" for Georgia_(country)) */
    public static final int FLAG_TITLE_BASE = 0x08;
    /** the key is the whole title, which has no qualifier ("jordan" for Jordan) */
    public static final int FLAG_TITLE_EXACT = 0x10;

    /**
     * At least one alias behind the entry was written plainly ("Russia", "U.S.", "the Kremlin"), not decorated
     * ("Russia:", "RUSSIA!", "China\"", "Russia's"): decorated one-off anchors carry P = 1.0 from a single link and
     * must not outrank the plain form, so an entry without a plain alias has its prior quartered.
     */
    public static final int FLAG_PLAIN = 0x20;

    /** Most entries kept under one key, strongest first. */
    public static final int MAX_ENTRIES_PER_KEY = 24;
    /** Most profile tokens kept per title. */
    public static final int MAX_PROFILE = 24;

    // header field offsets
    static final int H_MAGIC = 0;
    static final int H_VERSION = 8;
    static final int H_FINGERPRINT = 12;
    static final int H_TITLES = 20;
    static final int H_KEYS = 24;
    static final int H_KEY_BLOCKS = 28;
    static final int H_TITLE_BLOCKS = 32;
    static final int H_KEY_DATA = 36;
    static final int H_KEY_INDEX = 44;
    static final int H_TITLE_DATA = 52;
    static final int H_TITLE_INDEX = 60;
    static final int H_ENTRIES = 68;
    static final int H_CREATED = 72;

    /**
     * A 16-bit hash of an alias as written (case and punctuation kept, spaces collapsed): an entry stores it for its strongest alias, so a look-up can tell "White House" written exactly
     * so from "White-House" or "WHITE HOUSE", which share its key.
     */
    public static int formHash(String surface) {
        String s = surface.strip().replaceAll("\\s+", " ");
        int h = 0x811c9dc5;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        return (h ^ h >>> 16) & 0xFFFF;
    }

    /** A token's hash as stored in profiles and matched against a document's words. */
    public static int tokenHash(String token) {
        int h = token.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & 0xFFFFFF;
    }

    static int readVarint(ByteBuffer b, int[] pos) {
        int p = pos[0];
        int value = 0;
        int shift = 0;
        while (true) {
            int x = b.get(p++) & 0xFF;
            value |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        pos[0] = p;
        return value;
    }
}
