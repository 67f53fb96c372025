package io.newslens.nlp.linking;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recent resolutions of this replica, so a name seen again (every article mentions "United States") costs no
 * database round trip. An entry serves only if every name key of the new mention was already recorded with it,
 * so new spellings still reach the registry; entries expire so merges made by other replicas are picked up.
 */
final class ResolutionCache {

    record Hit(String id, String name, String type, String subtype, String wikipedia) {
    }

    private static final long TTL_MILLIS = 10 * 60 * 1000L;

    private record Entry(Hit hit, Set<String> keys, long storedAt) {
    }

    private final int capacity;
    private final Map<String, Entry> entries;

    ResolutionCache(int capacity) {
        this.capacity = Math.max(0, capacity);
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > ResolutionCache.this.capacity;
            }
        };
    }

    private static String key(String type, String nameKey, String title) {
        return type + "\u0000" + nameKey + "\u0000" + (title == null ? "" : title);
    }

    synchronized Hit get(String type, String nameKey, String title, List<String> keys) {
        if (capacity == 0) {
            return null;
        }
        String k = key(type, nameKey, title);
        Entry e = entries.get(k);
        if (e == null) {
            return null;
        }
        if (System.currentTimeMillis() - e.storedAt() > TTL_MILLIS) {
            entries.remove(k);
            return null;
        }
        return e.keys().containsAll(keys) ? e.hit() : null;
    }

    synchronized void put(String type, String nameKey, String title, List<String> keys, Hit hit) {
        if (capacity == 0) {
            return;
        }
        String k = key(type, nameKey, title);
        Entry old = entries.get(k);
        Set<String> all = new HashSet<>(keys);
        if (old != null && old.hit().id().equals(hit.id())) {
            all.addAll(old.keys());
        }
        entries.put(k, new Entry(hit, all, System.currentTimeMillis()));
    }
}
