package io.newslens.nlp.pipeline.ner;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick automaton over token sequences: finds every occurrence of thousands of multi-token phrases in one
 * left-to-right pass over a document's tokens, independent of how many phrases there are. Keys are normalised token
 * strings (see {@link Gazetteer#normalize}); build once, then {@link #findAll} is read-only and thread-safe.
 *
 * @param <V> what a phrase carries (type, subtype, flags)
 */
public final class TokenTrie<V> {

    /** One occurrence: tokens {@code [start, end)} match a phrase carrying {@code value}. */
    public record Match<V>(int start, int end, V value) {
        public int length() {
            return end - start;
        }
    }

    private static final class Node<V> {
        final Map<String, Node<V>> next = new HashMap<>(4);
        Node<V> fail;
        /** phrases ending here, with their token length; includes those inherited through fail links */
        final List<Map.Entry<Integer, V>> outputs = new ArrayList<>(1);
    }

    private final Node<V> root = new Node<>();
    private boolean built;
    private int size;

    public void add(List<String> tokens, V value) {
        if (built) {
            throw new IllegalStateException("trie already built");
        }
        if (tokens.isEmpty()) {
            return;
        }
        Node<V> node = root;
        for (String t : tokens) {
            node = node.next.computeIfAbsent(t, k -> new Node<>());
        }
        node.outputs.add(Map.entry(tokens.size(), value));
        size++;
    }

    public int size() {
        return size;
    }

    /** Computes the failure links (breadth first). Call once after the last {@link #add}. */
    public TokenTrie<V> build() {
        ArrayDeque<Node<V>> queue = new ArrayDeque<>();
        root.fail = root;
        for (Node<V> child : root.next.values()) {
            child.fail = root;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            Node<V> node = queue.poll();
            for (Map.Entry<String, Node<V>> e : node.next.entrySet()) {
                Node<V> child = e.getValue();
                Node<V> f = node.fail;
                while (f != root && !f.next.containsKey(e.getKey())) {
                    f = f.fail;
                }
                Node<V> target = f.next.get(e.getKey());
                child.fail = target != null && target != child ? target : root;
                child.outputs.addAll(child.fail.outputs);
                queue.add(child);
            }
        }
        built = true;
        return this;
    }

    /** Every occurrence of every phrase in {@code tokens} (overlapping ones included), in order of their end. */
    public List<Match<V>> findAll(List<String> tokens) {
        if (!built) {
            throw new IllegalStateException("call build() first");
        }
        List<Match<V>> out = new ArrayList<>();
        Node<V> node = root;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            while (node != root && !node.next.containsKey(t)) {
                node = node.fail;
            }
            Node<V> n = node.next.get(t);
            node = n == null ? root : n;
            for (Map.Entry<Integer, V> o : node.outputs) {
                out.add(new Match<>(i + 1 - o.getKey(), i + 1, o.getValue()));
            }
        }
        return out;
    }
}
