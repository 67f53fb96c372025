package io.newslens.query.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analyst's query language: words, "quoted phrases", prefix*, AND (also implied by a space), OR, NOT
 * (or a leading minus) and parentheses. Parsed into a tree that becomes a PostgreSQL tsquery built from bound
 * parameters only, so no part of the input ever becomes SQL.
 */
public final class SearchQuery {

    /** A syntax error, reported to the caller as a 400 with the position. */
    public static class SyntaxException extends RuntimeException {
        public SyntaxException(String message) {
            super(message);
        }
    }

    public sealed interface Node permits Term, Prefix, Phrase, And, Or, Not {
    }

    public record Term(String word) implements Node {
    }

    public record Prefix(String stem) implements Node {
    }

    public record Phrase(String words) implements Node {
    }

    public record And(List<Node> parts) implements Node {
    }

    public record Or(List<Node> parts) implements Node {
    }

    public record Not(Node part) implements Node {
    }

    private static final int MAX_TERMS = 64;

    private final List<String> tokens;
    private int pos;
    private int terms;

    private SearchQuery(List<String> tokens) {
        this.tokens = tokens;
    }

    public static Node parse(String input) {
        if (input == null || input.isBlank()) {
            throw new SyntaxException("the query is empty");
        }
        SearchQuery parser = new SearchQuery(tokenize(input));
        Node node = parser.or();
        if (parser.pos < parser.tokens.size()) {
            throw new SyntaxException("unexpected '" + parser.tokens.get(parser.pos) + "'");
        }
        if (node instanceof Not) {
            throw new SyntaxException("a query cannot only exclude: add words to find");
        }
        return node;
    }

    static List<String> tokenize(String input) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\u201c' || c == '\u201d') {
                int end = i + 1;
                while (end < input.length() && "\"\u201c\u201d".indexOf(input.charAt(end)) < 0) {
                    end++;
                }
                if (end >= input.length()) {
                    throw new SyntaxException("a quotation mark is not closed");
                }
                out.add("\"" + input.substring(i + 1, end));
                i = end + 1;
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '-' && (out.isEmpty() || !out.get(out.size() - 1).equals("-"))
                    && i + 1 < input.length() && !Character.isWhitespace(input.charAt(i + 1))) {
                out.add("NOT");
                i++;
            } else {
                int end = i;
                while (end < input.length() && !Character.isWhitespace(input.charAt(end))
                        && "()\"\u201c\u201d".indexOf(input.charAt(end)) < 0) {
                    end++;
                }
                out.add(input.substring(i, end));
                i = end;
            }
        }
        return out;
    }

    private Node or() {
        List<Node> parts = new ArrayList<>();
        parts.add(and());
        while (peek("OR") || peek("|")) {
            pos++;
            if (pos >= tokens.size() || peek(")")) {
                throw new SyntaxException("OR needs something on its right");
            }
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Or(parts);
    }

    private Node and() {
        List<Node> parts = new ArrayList<>();
        parts.add(unary());
        while (pos < tokens.size() && !peek(")") && !peek("OR") && !peek("|")) {
            if (peek("AND") || peek("&")) {
                pos++;
                if (pos >= tokens.size() || peek(")")) {
                    throw new SyntaxException("AND needs something on its right");
                }
            }
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new And(parts);
    }

    private Node unary() {
        if (peek("NOT")) {
            pos++;
            if (pos >= tokens.size()) {
                throw new SyntaxException("NOT needs something on its right");
            }
            return new Not(unary());
        }
        return primary();
    }

    private Node primary() {
        if (pos >= tokens.size()) {
            throw new SyntaxException("the query ends too early");
        }
        String t = tokens.get(pos++);
        if (t.equals("(")) {
            Node inner = or();
            if (!peek(")")) {
                throw new SyntaxException("a parenthesis is not closed");
            }
            pos++;
            return inner;
        }
        if (t.equals(")")) {
            throw new SyntaxException("unexpected ')'");
        }
        if (t.equals("AND") || t.equals("OR") || t.equals("&") || t.equals("|")) {
            throw new SyntaxException(t + " needs something on its left");
        }
        if (++terms > MAX_TERMS) {
            throw new SyntaxException("the query has more than " + MAX_TERMS + " terms");
        }
        if (t.startsWith("\"")) {
            String words = clean(t.substring(1));
            if (words.isBlank()) {
                throw new SyntaxException("an empty phrase");
            }
            return new Phrase(words);
        }
        if (t.endsWith("*")) {
            String stem = clean(t.substring(0, t.length() - 1));
            if (stem.isBlank() || stem.contains(" ")) {
                throw new SyntaxException("a prefix needs letters before '*'");
            }
            return new Prefix(stem.toLowerCase(Locale.ROOT));
        }
        String word = clean(t);
        if (word.isBlank()) {
            throw new SyntaxException("'" + t + "' has no letters or digits to search for");
        }
        return word.contains(" ") ? new Phrase(word) : new Term(word);
    }

    /** Keeps letters, digits and inner apostrophes; everything else separates words. */
    static String clean(String s) {
        return s.replaceAll("[^\\p{L}\\p{N}'\u2019]+", " ").replaceAll("(^|\\s)['\u2019]+|['\u2019]+(\\s|$)", " ").strip();
    }

    private boolean peek(String token) {
        return pos < tokens.size() && tokens.get(pos).equals(token);
    }
}
