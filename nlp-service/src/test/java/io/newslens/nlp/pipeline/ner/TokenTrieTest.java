package io.newslens.nlp.pipeline.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenTrieTest {

    @Test
    void findsOverlappingAndNestedPhrasesInOnePass() {
        TokenTrie<String> trie = new TokenTrie<>();
        trie.add(List.of("republic", "of", "china"), "ROC");
        trie.add(List.of("people", "'s", "republic", "of", "china"), "PRC");
        trie.add(List.of("china"), "CN");
        trie.add(List.of("s", "-", "400"), "S-400");
        trie.build();
        List<TokenTrie.Match<String>> found = trie.findAll(
                List.of("the", "people", "'s", "republic", "of", "china", "bought", "the", "s", "-", "400"));
        assertTrue(found.contains(new TokenTrie.Match<>(1, 6, "PRC")), found.toString());
        assertTrue(found.contains(new TokenTrie.Match<>(3, 6, "ROC")), found.toString());
        assertTrue(found.contains(new TokenTrie.Match<>(5, 6, "CN")), found.toString());
        assertTrue(found.contains(new TokenTrie.Match<>(8, 11, "S-400")), found.toString());
        assertEquals(4, found.size());
    }

    @Test
    void followsFailureLinksAfterAPartialMatch() {
        TokenTrie<String> trie = new TokenTrie<>();
        trie.add(List.of("a", "b", "c"), "abc");
        trie.add(List.of("b", "d"), "bd");
        trie.build();
        assertEquals(List.of(new TokenTrie.Match<>(2, 4, "bd")), trie.findAll(List.of("x", "a", "b", "d")));
    }
}
