package io.newslens.nlp.linking;

import io.newslens.nlp.linking.index.DictionarySource;
import io.newslens.nlp.linking.index.IndexBuilder;
import io.newslens.nlp.linking.index.MappedWikiIndex;
import io.newslens.nlp.linking.index.TitleTyper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Owns the linking index: opens it at start when it exists for the dictionary on the class path, otherwise
 * builds it (in the background by default) into the index folder under a file lock, so replicas or test JVMs
 * sharing the folder build it once. Until it is ready the registry still works, with local ids and no Wikipedia
 * links; the log and the readiness check say so.
 */
@ApplicationScoped
public class LinkingIndexService {

    private static final Logger LOG = Logger.getLogger(LinkingIndexService.class);

    public enum State {
        DISABLED, MISSING, BUILDING, READY, FAILED
    }

    @Inject
    LinkingConfig config;

    private volatile State state = State.MISSING;
    private volatile String detail = "not started";
    private volatile MappedWikiIndex index;
    private volatile EntityLinker linker;
    private Path file;

    void onStart(@Observes StartupEvent event) {
        start();
    }

    synchronized void start() {
        if (state != State.MISSING || !"not started".equals(detail)) {
            return;
        }
        if (!config.enabled()) {
            settle(State.DISABLED, "entity linking disabled (newslens.linking.enabled=false)");
            LOG.info("entity linking: disabled; entities get registry ids without Wikipedia links");
            return;
        }
        DictionarySource source;
        try {
            source = config.dictionary().isPresent() ? DictionarySource.fromFile(Paths.get(config.dictionary().get()))
                    : DictionarySource.fromClasspath(LinkingIndexService.class.getClassLoader());
        } catch (IOException e) {
            settle(State.FAILED, "cannot read the alias dictionary: " + e.getMessage());
            LOG.warnf("entity linking: %s; entities get local ids without Wikipedia links", detail);
            return;
        }
        if (source == null) {
            settle(State.FAILED, "no " + DictionarySource.RESOURCE + " on the class path (models-english-kbp jar)");
            LOG.warnf("entity linking: %s; entities get local ids without Wikipedia links", detail);
            return;
        }
        Path dir = indexDir();
        file = dir.resolve(source.indexFileName());
        if (tryOpen()) {
            return;
        }
        switch (config.build()) {
            case OFF -> {
                settle(State.MISSING, "no index at " + file + " and building is off; run io.newslens.nlp.tools.BuildLinkingIndex");
                LOG.warnf("entity linking: %s. Entities get local ids without Wikipedia links until it exists.", detail);
            }
            case BLOCKING -> build(source);
            default -> {
                state = State.BUILDING;
                detail = "building " + file;
                LOG.infof("entity linking: no index for this dictionary yet; building %s from %s in the background "
                        + "(a few minutes on 2 cores, once per dictionary). Until it is ready entities get local ids "
                        + "without Wikipedia links.", file, source.description());
                Thread t = new Thread(() -> build(source), "linking-index-build");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                t.start();
            }
        }
    }

    Path indexDir() {
        return config.indexDir().filter(s -> !s.isBlank()).map(Paths::get)
                .orElseGet(() -> Paths.get(System.getProperty("user.home"), ".cache", "newslens", "linking"));
    }

    private boolean tryOpen() {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        long started = System.nanoTime();
        try {
            MappedWikiIndex opened = MappedWikiIndex.open(file);
            index = opened;
            linker = new EntityLinker(opened, settings());
            settle(State.READY, String.format("%s (%,d titles, %,d keys, %.0f MB)", file, opened.titleCount(),
                    opened.keyCount(), opened.sizeBytes() / 1e6));
            LOG.infof("entity linking: index ready in %d ms: %s", (System.nanoTime() - started) / 1_000_000, detail);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("entity linking: index %s unreadable (%s); rebuilding it", file, e.getMessage());
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the build replaces it
            }
            return false;
        }
    }

    private void build(DictionarySource source) {
        state = State.BUILDING;
        detail = "building " + file;
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel lockChannel = FileChannel.open(file.getParent().resolve(".build.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock = acquire(lockChannel);
                try {
                    if (tryOpen()) {
                        return; // another process built it meanwhile
                    }
                    long started = System.nanoTime();
                    IndexBuilder builder = new IndexBuilder(TitleTyper.fromClasspath(), line -> {
                        detail = "building " + file + ": " + line;
                        LOG.debugf("entity linking index: %s", line);
                    });
                    IndexBuilder.Stats stats;
                    try (BufferedReader in = source.open()) {
                        stats = builder.build(in, file, source.fingerprint());
                    }
                    LOG.infof("entity linking: index built in %.0f s (%,d titles, %,d keys, %.0f MB)",
                            (System.nanoTime() - started) / 1e9, stats.titles(), stats.keys(), stats.bytes() / 1e6);
                    int stale = source.deleteOtherVersions(file.getParent());
                    if (stale > 0) {
                        LOG.infof("entity linking: deleted %d index file(s) of older formats", stale);
                    }
                } finally {
                    lock.release();
                }
            }
            if (!tryOpen()) {
                settle(State.FAILED, "index built but not readable: " + file);
            }
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            settle(State.FAILED, "building " + file + " failed: " + e);
            LOG.errorf(e, "entity linking: %s; entities get local ids without Wikipedia links", detail);
        }
    }

    private static FileLock acquire(FileChannel channel) throws IOException {
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // another thread of this JVM builds: wait like for another process
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the index build lock");
            }
        }
    }

    private void settle(State newState, String newDetail) {
        state = newState;
        detail = newDetail;
    }

    private EntityLinker.Settings settings() {
        return EntityLinker.Settings.defaults().withMinConfidence(config.minConfidence());
    }

    /** The linker when the index is ready; empty while it is building, missing or disabled. */
    public Optional<EntityLinker> linker() {
        if (state == State.MISSING && "not started".equals(detail)) {
            start(); // used before the start-up event (tests, tools)
        }
        return Optional.ofNullable(linker);
    }

    public State state() {
        return state;
    }

    public String detail() {
        return detail;
    }

    public Map<String, Object> status() {
        return Map.of("state", state.name(), "detail", detail);
    }
}
