package io.newslens.contracts;

/** The outlet an article came from: a display name and its web domain (either may be null). */
public record SourceRef(String name, String domain) {
}
