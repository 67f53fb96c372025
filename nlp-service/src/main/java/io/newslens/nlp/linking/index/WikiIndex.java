package io.newslens.nlp.linking.index;

import java.util.List;

/** Read access to the linking index: candidates by name key, title facts by id. Thread-safe. */
public interface WikiIndex {

    /**
     * One candidate title under a key.
     *
     * @param prior P(title | alias) from the dictionary, 0..1; 0 for title-derived entries
     * @param flags {@link IndexFormat} entry flags
     * @param form {@link IndexFormat#formHash} of the alias behind the prior
     */
    record Entry(int titleId, double prior, int flags, int form) {
        public boolean has(int flag) {
            return (flags & flag) != 0;
        }
    }

    /**
     * @param popularity how many clean aliases point at the title (a proxy for how often it is linked)
     * @param profile the title's context words: 24-bit token hash &lt;&lt; 8 | quantised idf
     */
    record Title(int id, String title, TitleType type, int popularity, int[] profile) {
    }

    /** Candidates under a {@link io.newslens.nlp.linking.NameKeys#key}; empty when none. */
    List<Entry> lookup(String key);

    Title title(int id);

    int titleCount();

    int keyCount();
}
