package io.newslens.nlp.linking;

import io.newslens.nlp.linking.index.DictionarySource;
import io.newslens.nlp.linking.index.IndexBuilder;
import io.newslens.nlp.linking.index.MappedWikiIndex;
import io.newslens.nlp.linking.index.TitleTyper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/**
 * The real linking index for tests: opened from the same cache folder the service uses (or
 * {@code -Dnewslens.linking.index-dir=...}), built there first if missing (about a minute, once per machine).
 */
final class RealIndex {

    private static MappedWikiIndex index;

    private RealIndex() {
    }

    static synchronized MappedWikiIndex open() throws IOException {
        if (index != null) {
            return index;
        }
        DictionarySource source = DictionarySource.fromClasspath(RealIndex.class.getClassLoader());
        if (source == null) {
            throw new IllegalStateException("models-english-kbp jar not on the test class path");
        }
        String configured = System.getProperty("newslens.linking.index-dir");
        Path dir = configured != null ? Paths.get(configured)
                : Paths.get(System.getProperty("user.home"), ".cache", "newslens", "linking");
        Path file = dir.resolve(source.indexFileName());
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(dir.resolve(".build.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = acquire(ch)) {
                if (!Files.isRegularFile(file)) {
                    IndexBuilder builder = new IndexBuilder(TitleTyper.fromClasspath(), line -> System.out.println("index: " + line));
                    try (BufferedReader in = source.open()) {
                        IndexBuilder.Stats stats = builder.build(in, file, source.fingerprint());
                        System.out.println("index built: " + stats);
                        source.deleteOtherVersions(dir);
                    }
                }
            }
        }
        index = MappedWikiIndex.open(file);
        return index;
    }

    /** The service in the same test JVM may be building the index: wait for it like for another process. */
    private static FileLock acquire(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(15);
        while (System.nanoTime() < deadline) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (java.nio.channels.OverlappingFileLockException e) {
                // held by another thread of this JVM
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the index build lock");
            }
        }
        throw new IOException("the linking index build lock was not released within 15 minutes");
    }
}
