package io.newslens.nlp.linking.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The linking index memory-mapped read-only: binary search over the first key of each block, then a scan of at
 * most {@link IndexFormat#BLOCK} front-coded keys. Nothing but a few offsets lives on the heap; the operating
 * system pages in what look-ups touch. Only absolute reads are used, so one instance serves all threads.
 */
public final class MappedWikiIndex implements WikiIndex {

    private final ByteBuffer buf;
    private final long fingerprint;
    private final int titles;
    private final int keys;
    private final int keyBlocks;
    private final int titleBlocks;
    private final int keyData;
    private final int keyIndex;
    private final int titleData;
    private final int titleIndex;
    private final long created;
    private final long sizeBytes;

    private MappedWikiIndex(ByteBuffer buf, long sizeBytes) throws IOException {
        this.buf = buf;
        this.sizeBytes = sizeBytes;
        if (buf.capacity() < IndexFormat.HEADER_BYTES || buf.getLong(IndexFormat.H_MAGIC) != IndexFormat.MAGIC) {
            throw new IOException("not a linking index");
        }
        int version = buf.getInt(IndexFormat.H_VERSION);
        if (version != IndexFormat.VERSION) {
            throw new IOException("linking index format " + version + ", expected " + IndexFormat.VERSION);
        }
        fingerprint = buf.getLong(IndexFormat.H_FINGERPRINT);
        titles = buf.getInt(IndexFormat.H_TITLES);
        keys = buf.getInt(IndexFormat.H_KEYS);
        keyBlocks = buf.getInt(IndexFormat.H_KEY_BLOCKS);
        titleBlocks = buf.getInt(IndexFormat.H_TITLE_BLOCKS);
        keyData = (int) buf.getLong(IndexFormat.H_KEY_DATA);
        keyIndex = (int) buf.getLong(IndexFormat.H_KEY_INDEX);
        titleData = (int) buf.getLong(IndexFormat.H_TITLE_DATA);
        titleIndex = (int) buf.getLong(IndexFormat.H_TITLE_INDEX);
        created = buf.getLong(IndexFormat.H_CREATED);
        if ((long) titleIndex + 4L * titleBlocks != sizeBytes) {
            throw new IOException("linking index is truncated or corrupt");
        }
    }

    public static MappedWikiIndex open(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size >= Integer.MAX_VALUE) {
                throw new IOException("linking index larger than 2 GB");
            }
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return new MappedWikiIndex(map, size);
        }
    }

    public long fingerprint() {
        return fingerprint;
    }

    public long createdMillis() {
        return created;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    @Override
    public int titleCount() {
        return titles;
    }

    @Override
    public int keyCount() {
        return keys;
    }

    @Override
    public List<Entry> lookup(String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        if (k.length == 0 || keyBlocks == 0) {
            return List.of();
        }
        // last block whose first key <= k
        int lo = 0;
        int hi = keyBlocks - 1;
        int[] pos = new int[1];
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (compareFirstKey(mid, k, pos) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        pos[0] = keyData + buf.getInt(keyIndex + 4 * lo);
        int blockEnd = lo + 1 < keyBlocks ? keyData + buf.getInt(keyIndex + 4 * (lo + 1)) : keyIndex;
        byte[] current = new byte[256];
        int currentLen;
        while (pos[0] < blockEnd) {
            int shared = IndexFormat.readVarint(buf, pos);
            int suffix = IndexFormat.readVarint(buf, pos);
            if (shared + suffix > current.length) {
                current = java.util.Arrays.copyOf(current, shared + suffix);
            }
            buf.get(pos[0], current, shared, suffix);
            pos[0] += suffix;
            currentLen = shared + suffix;
            int cmp = java.util.Arrays.compareUnsigned(current, 0, currentLen, k, 0, k.length);
            int count = IndexFormat.readVarint(buf, pos);
            if (cmp == 0) {
                List<Entry> out = new ArrayList<>(count);
                for (int e = 0; e < count; e++) {
                    int title = IndexFormat.readVarint(buf, pos);
                    int prior = buf.get(pos[0]) & 0xFF;
                    int flags = buf.get(pos[0] + 1) & 0xFF;
                    int form = (buf.get(pos[0] + 2) & 0xFF) << 8 | buf.get(pos[0] + 3) & 0xFF;
                    pos[0] += 4;
                    out.add(new Entry(title, prior / 255.0, flags, form));
                }
                return out;
            }
            if (cmp > 0) {
                return List.of();
            }
            for (int e = 0; e < count; e++) {
                IndexFormat.readVarint(buf, pos);
                pos[0] += 4;
            }
        }
        return List.of();
    }

    private int compareFirstKey(int block, byte[] k, int[] pos) {
        pos[0] = keyData + buf.getInt(keyIndex + 4 * block);
        IndexFormat.readVarint(buf, pos); // shared: 0 at a block start
        int len = IndexFormat.readVarint(buf, pos);
        int start = pos[0];
        int n = Math.min(len, k.length);
        for (int i = 0; i < n; i++) {
            int a = buf.get(start + i) & 0xFF;
            int b = k[i] & 0xFF;
            if (a != b) {
                return a - b;
            }
        }
        return len - k.length;
    }

    @Override
    public Title title(int id) {
        if (id < 0 || id >= titles) {
            throw new IllegalArgumentException("no title " + id);
        }
        int block = id / IndexFormat.BLOCK;
        int[] pos = {titleData + buf.getInt(titleIndex + 4 * block)};
        byte[] current = new byte[512];
        int len = 0;
        for (int i = block * IndexFormat.BLOCK; i <= id; i++) {
            int shared = IndexFormat.readVarint(buf, pos);
            int suffix = IndexFormat.readVarint(buf, pos);
            if (shared + suffix > current.length) {
                current = java.util.Arrays.copyOf(current, shared + suffix);
            }
            buf.get(pos[0], current, shared, suffix);
            pos[0] += suffix;
            len = shared + suffix;
            int type = buf.get(pos[0]++) & 0xFF;
            int popularity = IndexFormat.readVarint(buf, pos);
            int profileLength = buf.get(pos[0]++) & 0xFF;
            if (i == id) {
                int[] profile = new int[profileLength];
                for (int p = 0; p < profileLength; p++) {
                    profile[p] = buf.getInt(pos[0] + 4 * p);
                }
                return new Title(id, new String(current, 0, len, StandardCharsets.UTF_8), TitleType.of(type), popularity,
                        profile);
            }
            pos[0] += 4 * profileLength;
        }
        throw new IllegalStateException("title block scan ended early");
    }
}
