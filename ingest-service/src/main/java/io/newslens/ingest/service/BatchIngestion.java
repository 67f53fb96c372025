package io.newslens.ingest.service;

import io.newslens.commons.problem.Problem;
import io.newslens.commons.problem.ProblemException;
import io.newslens.ingest.config.IngestConfig;
import io.newslens.ingest.rest.ArticleSubmission;
import io.newslens.ingest.rest.IngestResult;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Streams an NDJSON batch through the ingestion pipeline: lines are read one at a time (never the whole body),
 * gathered in chunks of {@link #CHUNK}, prepared in parallel, stored a chunk per transaction with a fixed number of
 * statements ({@link ChunkStore}), and answered in input order.
 */
@ApplicationScoped
public class BatchIngestion {

    private static final Logger LOG = Logger.getLogger(BatchIngestion.class);
    static final int CHUNK = 100;

    /** The outcome of one input line; {@code flush} marks the end of a chunk. */
    public record LineResult(long line, IngestResult result, Problem error, boolean flush) {
    }

    public record Summary(long lines, long accepted, long duplicates, long failed) {
    }

    @Inject
    IngestionService ingestion;
    @Inject
    SubmissionReader reader;
    @Inject
    IngestConfig config;

    /** Threads preparing batch lines: as many as there are cores, shared by all batches of this replica. */
    private final ExecutorService preparers = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread t = new Thread(runnable, "batch-prepare");
                t.setDaemon(true);
                return t;
            });

    private record Pending(long line, IngestionService.Prepared prepared, Problem error) {
    }

    public Summary ingest(InputStream body, String principal, Consumer<LineResult> sink) throws IOException {
        long lines = 0;
        long accepted = 0;
        long duplicates = 0;
        long failed = 0;
        List<Pending> chunk = new ArrayList<>(CHUNK);
        List<byte[]> raw = new ArrayList<>(CHUNK);
        LineReader in = new LineReader(body, config.maxBatchLineBytes());
        LineReader.Line line;
        while ((line = in.next()) != null) {
            lines++;
            if (line.tooLong()) {
                chunk.add(new Pending(lines, null, problem(ProblemException.tooLarge("line " + lines + " is longer than "
                        + config.maxBatchLineBytes() + " bytes"), lines)));
                raw.add(null);
            } else if (isBlank(line.bytes())) {
                lines--;
                continue;
            } else {
                chunk.add(new Pending(lines, null, null));
                raw.add(line.bytes());
            }
            if (chunk.size() >= CHUNK) {
                long[] counts = flush(prepareAll(chunk, raw), principal, sink);
                accepted += counts[0];
                duplicates += counts[1];
                failed += counts[2];
                chunk.clear();
                raw.clear();
            }
        }
        long[] counts = flush(prepareAll(chunk, raw), principal, sink);
        return new Summary(lines, accepted + counts[0], duplicates + counts[1], failed + counts[2]);
    }

    /**
     * Parses, cleans and identifies a chunk's lines on all cores (the CPU-bound part of a batch), keeping their order.
     * Lines that already failed (too long) pass through.
     */
    private List<Pending> prepareAll(List<Pending> chunk, List<byte[]> raw) {
        List<Future<Pending>> futures = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            Pending p = chunk.get(i);
            byte[] bytes = raw.get(i);
            futures.add(bytes == null ? CompletableFuture.completedFuture(p) : preparers.submit(() -> prepare(p.line(), bytes)));
        }
        List<Pending> out = new ArrayList<>(chunk.size());
        for (int i = 0; i < futures.size(); i++) {
            try {
                out.add(futures.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while preparing a batch", e);
            } catch (ExecutionException e) {
                long n = chunk.get(i).line();
                LOG.warnf(e.getCause(), "batch line %d failed", n);
                out.add(new Pending(n, null, problem(new ProblemException(500, "Internal error",
                        "this line could not be processed"), n)));
            }
        }
        return out;
    }

    private Pending prepare(long n, byte[] bytes) {
        try {
            ArticleSubmission submission = reader.read(bytes);
            return new Pending(n, ingestion.prepare(submission, "batch"), null);
        } catch (ProblemException e) {
            return new Pending(n, null, problem(e, n));
        } catch (RuntimeException e) {
            LOG.warnf(e, "batch line %d failed", n);
            return new Pending(n, null, problem(new ProblemException(500, "Internal error",
                    "this line could not be processed"), n));
        }
    }

    @PreDestroy
    void stop() {
        preparers.shutdownNow();
    }

    private long[] flush(List<Pending> chunk, String principal, Consumer<LineResult> sink) {
        long[] counts = new long[3];
        if (chunk.isEmpty()) {
            return counts;
        }
        List<IngestionService.Prepared> prepared = chunk.stream().filter(p -> p.prepared() != null)
                .map(Pending::prepared).toList();
        List<IngestResult> stored = ingestion.storeAll(prepared, principal);
        int next = 0;
        for (int i = 0; i < chunk.size(); i++) {
            Pending p = chunk.get(i);
            boolean last = i == chunk.size() - 1;
            if (p.error() != null) {
                counts[2]++;
                sink.accept(new LineResult(p.line(), null, p.error(), last));
            } else {
                IngestResult r = stored.get(next++);
                counts[r.accepted() ? 0 : 1]++;
                sink.accept(new LineResult(p.line(), r, null, last));
            }
        }
        return counts;
    }

    private static Problem problem(ProblemException e, long line) {
        return e.toProblem("/api/v1/articles/batch#line=" + line);
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Reads '\n'-separated lines from a stream, never holding more than the cap of one line. */
    static final class LineReader {
        record Line(byte[] bytes, boolean tooLong) {
        }

        private final InputStream in;
        private final int max;
        private final byte[] buffer = new byte[65536];
        private int pos;
        private int limit;
        private boolean eof;

        LineReader(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        Line next() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean tooLong = false;
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    if (eof) {
                        return any ? new Line(line.toByteArray(), tooLong) : null;
                    }
                    limit = in.read(buffer);
                    pos = 0;
                    if (limit <= 0) {
                        eof = true;
                        limit = 0;
                        continue;
                    }
                }
                any = true;
                int start = pos;
                while (pos < limit && buffer[pos] != '\n') {
                    pos++;
                }
                int length = pos - start;
                if (!tooLong) {
                    if (line.size() + length > max) {
                        tooLong = true;
                        line.reset();
                    } else {
                        line.write(buffer, start, length);
                    }
                }
                if (pos < limit) {
                    pos++; // the newline
                    return new Line(line.toByteArray(), tooLong);
                }
            }
        }
    }
}
