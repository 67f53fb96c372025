package io.newslens.nlp.linking;

import java.util.List;

/**
 * A document entity tied to its cross-document identity.
 *
 * @param id stable across articles, replicas and restarts
 * @param name the canonical name
 * @param wikipedia the linked Wikipedia title, or null when unknown
 */
public record ResolvedEntity(String id, String name, String type, String subtype, List<String> aliases, String wikipedia) {
}
