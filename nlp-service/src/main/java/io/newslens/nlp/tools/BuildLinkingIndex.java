package io.newslens.nlp.tools;

import io.newslens.nlp.linking.index.DictionarySource;
import io.newslens.nlp.linking.index.IndexBuilder;
import io.newslens.nlp.linking.index.TitleTyper;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Builds the entity-linking index ahead of time (the service builds it itself at first start when missing), for
 * example in a Kubernetes init container or an image build:
 *
 * <pre>
 * java -cp 'nlp-service/target/quarkus-app/lib/main/*:nlp-service/target/quarkus-app/app/*' \
 *     io.newslens.nlp.tools.BuildLinkingIndex [--out DIR] [--source wikidict.tab.gz] [--force]
 * </pre>
 */
public final class BuildLinkingIndex {

    private BuildLinkingIndex() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Paths.get(System.getProperty("user.home"), ".cache", "newslens", "linking");
        Path source = null;
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Paths.get(args[++i]);
                case "--source" -> source = Paths.get(args[++i]);
                case "--force" -> force = true;
                default -> {
                    System.err.println("usage: BuildLinkingIndex [--out DIR] [--source wikidict.tab(.gz)] [--force]");
                    System.exit(2);
                }
            }
        }
        DictionarySource dictionary = source != null ? DictionarySource.fromFile(source)
                : DictionarySource.fromClasspath(BuildLinkingIndex.class.getClassLoader());
        if (dictionary == null) {
            System.err.println("no " + DictionarySource.RESOURCE + " on the class path (CoreNLP's models-english-kbp jar)");
            System.exit(1);
        }
        Path file = out.resolve(dictionary.indexFileName());
        if (Files.exists(file) && !force) {
            System.out.println("index exists: " + file + " (--force rebuilds it)");
            return;
        }
        System.out.println("building " + file + " from " + dictionary.description());
        IndexBuilder builder = new IndexBuilder(TitleTyper.fromClasspath(), System.out::println);
        try (BufferedReader in = dictionary.open()) {
            IndexBuilder.Stats stats = builder.build(in, file, dictionary.fingerprint());
            System.out.printf("built in %.1f s: %,d rows read, %,d look-up rows, %,d titles, %,d keys, %,d entries, %.1f MB%n",
                    stats.millis() / 1000.0, stats.rows(), stats.lookupRows(), stats.titles(), stats.keys(), stats.entries(),
                    stats.bytes() / 1e6);
        }
    }
}
