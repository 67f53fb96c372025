package io.newslens.nlp.linking;

import io.newslens.nlp.linking.index.IndexBuilder;
import io.newslens.nlp.linking.index.MappedWikiIndex;
import io.newslens.nlp.linking.index.TitleTyper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A linking index built by the real builder from the small test dictionary (mini-wikidict.tab). */
final class MiniIndex {

    private static MappedWikiIndex index;

    private MiniIndex() {
    }

    static synchronized MappedWikiIndex get() throws IOException {
        if (index == null) {
            Path dir = Files.createTempDirectory("mini-linking-index");
            Path file = dir.resolve("mini.idx");
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    MiniIndex.class.getResourceAsStream("/nlp/linking/mini-wikidict.tab"), StandardCharsets.UTF_8))) {
                new IndexBuilder(TitleTyper.withoutGazetteer(), line -> { }).build(in, file, 42L);
            }
            index = MappedWikiIndex.open(file);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
        }
        return index;
    }
}
