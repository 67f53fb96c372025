package io.newslens.ingest.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.newslens.commons.problem.ProblemException;
import io.newslens.contracts.ArticleIngested;
import io.newslens.contracts.Topics;
import io.newslens.ingest.config.IngestConfig;
import io.newslens.ingest.extraction.ExtractedArticle;
import io.newslens.ingest.extraction.HtmlArticleExtractor;
import io.newslens.ingest.extraction.LanguageDetector;
import io.newslens.ingest.extraction.TextCleaner;
import io.newslens.ingest.mapping.ArticleEvents;
import io.newslens.ingest.messaging.OutboxRelay;
import io.newslens.ingest.model.Article;
import io.newslens.ingest.model.OutboxEvent;
import io.newslens.ingest.rest.ArticleSubmission;
import io.newslens.ingest.rest.IngestResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ingestion pipeline for one article: validate, fetch if only a URL was given, clean, identify,
 * recognise duplicates, then store the article and its outbox row in one transaction.
 */
@ApplicationScoped
public class IngestionService {

    @Inject
    IngestConfig config;
    @Inject
    TextCleaner cleaner;
    @Inject
    HtmlArticleExtractor htmlExtractor;
    @Inject
    LanguageDetector languages;
    @Inject
    PageFetcher fetcher;
    @Inject
    PublicationDates publicationDates;
    @Inject
    NearDuplicates nearDuplicates;
    @Inject
    ChunkStore chunks;
    @Inject
    ArticleEvents events;
    @Inject
    OutboxRelay relay;
    @Inject
    MeterRegistry meters;

    /** An article ready to store: cleaned, identified, not yet checked against the database. */
    private static final java.util.regex.Pattern CONTROL_CHARACTERS =
            java.util.regex.Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

    public record Prepared(String id, String url, String normalizedUrl, String canonicalUrl, String sourceName,
            String sourceDomain, String title, String byline, Instant publishedAt, String publishedAtSource,
            String language, String text, String textHash, List<String> photoCredits, String inputKind) {
    }

    public IngestResult ingest(ArticleSubmission submission, String principal, String inputKind) {
        Prepared prepared = prepare(submission, inputKind);
        return store(prepared, principal, null);
    }

    /** Everything that needs no database: validation, fetching, cleaning, identity. Throws problems. */
    public Prepared prepare(ArticleSubmission s, String inputKind) {
        boolean hasText = s.text() != null && !s.text().isBlank();
        boolean hasHtml = s.html() != null && !s.html().isBlank();
        boolean hasUrl = s.url() != null && !s.url().isBlank();
        if (!hasText && !hasHtml && !hasUrl) {
            throw new ProblemException(422, "Nothing to ingest", "give one of text, html or url",
                    List.of(new io.newslens.commons.problem.Problem.FieldError("text", "one of text, html or url is required")));
        }
        if (hasText && hasHtml) {
            throw ProblemException.unprocessable("give either text or html, not both", "html");
        }
        String normalizedUrl = null;
        if (hasUrl) {
            try {
                normalizedUrl = ArticleIdentity.normalizeUrl(s.url());
            } catch (IllegalArgumentException e) {
                throw ProblemException.unprocessable("url: " + e.getMessage(), "url");
            }
        }
        Instant requestedDate = publicationDates.parseSubmitted(s.publishedAt());
        String language = s.language() == null || s.language().isBlank() ? null : normalizeLanguage(s.language());

        String html = s.html();
        String fetchedFrom = null;
        if (!hasText && !hasHtml) {
            if (!config.fetch().enabled()) {
                throw ProblemException.unprocessable("fetching by URL is disabled here: send text or html", "url");
            }
            PageFetcher.Page page = fetcher.fetch(s.url().strip());
            html = page.body();
            fetchedFrom = page.finalUrl();
            hasHtml = true;
        }

        ExtractedArticle extracted;
        if (hasHtml) {
            ensureSize(html);
            extracted = fetchedFrom != null ? htmlExtractor.extract(html, fetchedFrom, Instant.now())
                    : htmlExtractor.extract(html, s.url());
        } else {
            ensureSize(s.text());
            ensureReadable(s.text(), "text");
            TextCleaner.CleanedText cleaned = cleaner.clean(s.text());
            extracted = new ExtractedArticle(null, null, cleaned.text(), null, null, languages.detect(cleaned.text()).orElse(null),
                    null, null, cleaned.photoCredits());
        }
        String text = extracted.text();
        if (text == null || text.isBlank()) {
            throw ProblemException.unprocessable("no article text could be found in the " + (hasHtml ? "html" : "text"),
                    hasHtml ? (s.html() != null ? "html" : "url") : "text");
        }
        if (text.length() > config.maxTextChars()) {
            throw ProblemException.tooLarge("the article text has " + text.length() + " characters; the limit is "
                    + config.maxTextChars());
        }
        ensureReadable(text, hasHtml ? "html" : "text");
        // control characters carry no meaning in an article and would confuse downstream highlighting
        text = CONTROL_CHARACTERS.matcher(text).replaceAll("");

        String title = firstNonBlank(s.title(), extracted.title(), firstLine(text));
        String byline = firstNonBlank(s.byline(), extracted.byline());
        Instant publishedAt = requestedDate != null ? requestedDate : extracted.publishedAt();
        String dateSource = requestedDate != null ? "request" : extracted.publishedAtSource();
        if (publishedAt == null && !hasHtml) {
            Optional<PublicationDates.Found> fromText = publicationDates.fromText(text);
            if (fromText.isPresent()) {
                publishedAt = fromText.get().instant();
                dateSource = fromText.get().source();
            }
        }
        String sourceName = s.source() == null ? null : blankToNull(s.source().name());
        String sourceDomain = s.source() == null ? null : blankToNull(s.source().domain());
        String anyUrl = fetchedFrom != null ? fetchedFrom : s.url();
        if (sourceDomain == null && anyUrl != null) {
            sourceDomain = domainOf(anyUrl);
        }
        if (sourceName == null) {
            sourceName = firstNonBlank(extracted.siteName(), sourceDomain);
        }
        String textHash = ArticleIdentity.textHash(text);
        if (normalizedUrl == null && extracted.canonicalUrl() != null) {
            try {
                normalizedUrl = ArticleIdentity.normalizeUrl(extracted.canonicalUrl());
            } catch (IllegalArgumentException ignored) {
                // a broken canonical link does not identify the page
            }
        }
        String id = normalizedUrl != null ? ArticleIdentity.idForUrl(normalizedUrl) : ArticleIdentity.idForText(textHash);
        String lang = language != null ? language : extracted.language();
        return new Prepared(id, hasUrl ? s.url().strip() : extracted.canonicalUrl(), normalizedUrl, extracted.canonicalUrl(),
                sourceName, sourceDomain, truncate(title, 2000), truncate(byline, 500), publishedAt, dateSource, lang, text,
                textHash, extracted.photoCredits(), inputKind);
    }

    /** Stores a prepared article with its outbox row in one transaction, or answers with the existing id. */
    public IngestResult store(Prepared p, String principal, Long feedId) {
        IngestResult result;
        try {
            result = QuarkusTransaction.requiringNew().call(() -> storeInTransaction(p, principal, feedId));
        } catch (PersistenceException e) {
            // a concurrent request stored the same URL or text first
            result = QuarkusTransaction.requiringNew().call(() -> existing(p)
                    .orElseThrow(() -> e));
        }
        if (result.accepted()) {
            meters.counter("newslens.articles.ingested", "input", p.inputKind()).increment();
            relay.wake();
        } else {
            meters.counter("newslens.articles.duplicates", "input", p.inputKind()).increment();
        }
        return result;
    }

    /**
     * Stores many prepared articles in one transaction (the batch path: one commit per chunk instead of per
     * article). Articles repeated within the chunk are answered as duplicates of the first. When the chunk's
     * transaction fails (another writer stored one of them meanwhile), each article is stored on its own.
     */
    public List<IngestResult> storeAll(List<Prepared> prepared, String principal) {
        if (prepared.isEmpty()) {
            return List.of();
        }
        List<IngestResult> results;
        try {
            results = QuarkusTransaction.requiringNew().call(() -> chunks.store(prepared, principal, this::statusUrl));
        } catch (PersistenceException e) {
            results = new java.util.ArrayList<>();
            for (Prepared p : prepared) {
                results.add(store(p, principal, null));
            }
            return results;
        }
        boolean any = false;
        for (int i = 0; i < results.size(); i++) {
            String kind = prepared.get(i).inputKind();
            if (results.get(i).accepted()) {
                meters.counter("newslens.articles.ingested", "input", kind).increment();
                any = true;
            } else {
                meters.counter("newslens.articles.duplicates", "input", kind).increment();
            }
        }
        if (any) {
            relay.wake();
        }
        return results;
    }

    private IngestResult storeInTransaction(Prepared p, String principal, Long feedId) {
        Optional<IngestResult> existing = existing(p);
        if (existing.isPresent()) {
            return existing.get();
        }
        long[] signature = MinHasher.signature(p.text());
        Optional<NearDuplicates.Match> near = nearDuplicates.bestMatch(signature);

        Article a = toArticle(p, principal, feedId, signature, Instant.now());
        near.ifPresent(m -> {
            a.duplicateOf = m.articleId();
            a.duplicateSimilarity = (float) m.similarity();
        });
        a.persist();
        nearDuplicates.index(a.id, signature);
        ArticleIngested event = events.ingested(a, a.ingestedAt);
        OutboxEvent.of(a.id, Topics.ARTICLES_INGESTED, ArticleIngested.EVENT_TYPE, events.toJson(event)).persist();
        Article.flush();
        return new IngestResult(a.id, IngestResult.ACCEPTED, statusUrl(a.id), null, a.duplicateOf,
                near.map(NearDuplicates.Match::similarity).orElse(null), a.title, a.language,
                a.publishedAt == null ? null : a.publishedAt.toString());
    }

    /** The row to store for a prepared article (not yet persisted; near-duplicate fields left empty). */
    static Article toArticle(Prepared p, String principal, Long feedId, long[] signature, Instant ingestedAt) {
        Article a = new Article();
        a.id = p.id();
        a.url = p.url();
        a.normalizedUrl = p.normalizedUrl();
        a.canonicalUrl = p.canonicalUrl();
        a.sourceName = p.sourceName();
        a.sourceDomain = p.sourceDomain();
        a.title = p.title();
        a.byline = p.byline();
        a.publishedAt = p.publishedAt();
        a.publishedAtSource = p.publishedAtSource();
        a.language = p.language();
        a.text = p.text();
        a.textHash = p.textHash();
        a.photoCredits = p.photoCredits() == null || p.photoCredits().isEmpty() ? null : String.join("\n", p.photoCredits());
        a.inputKind = p.inputKind();
        a.feedId = feedId;
        a.submittedBy = principal;
        a.minhash = MinHasher.toBytes(signature);
        a.ingestedAt = ingestedAt;
        return a;
    }

    private Optional<IngestResult> existing(Prepared p) {
        Optional<Article> found = p.normalizedUrl() != null ? Article.findByNormalizedUrl(p.normalizedUrl()) : Optional.empty();
        if (found.isEmpty()) {
            found = Article.findByTextHash(p.textHash());
        }
        return found.map(a -> new IngestResult(a.id, IngestResult.DUPLICATE, statusUrl(a.id), a.id, null, null, a.title,
                a.language, a.publishedAt == null ? null : a.publishedAt.toString()));
    }

    public String statusUrl(String id) {
        return config.publicUrl() + "/api/v1/articles/" + id + "/status";
    }

    private void ensureSize(String content) {
        if (content != null && content.length() > config.maxArticleBytes()) {
            throw ProblemException.tooLarge("the article has " + content.length() + " characters; the limit is "
                    + config.maxArticleBytes());
        }
    }

    /** Binary junk decoded as text shows up as control characters and replacement characters. */
    static void ensureReadable(String text, String field) {
        int bad = 0;
        int len = Math.min(text.length(), 200_000);
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                bad++;
            }
        }
        if (bad > 0 && bad * 100 > len) {
            throw ProblemException.unprocessable("the " + field + " looks like binary data, not article text", field);
        }
    }

    static String normalizeLanguage(String language) {
        String l = language.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (!l.matches("[a-z]{2,3}(-[a-z0-9]{2,8})*")) {
            throw ProblemException.unprocessable("language must be an ISO 639 code such as en or en-GB", "language");
        }
        return l.split("-")[0];
    }

    static String domainOf(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String firstLine(String text) {
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                String l = line.strip();
                return l.length() > 200 ? l.substring(0, 200) + "…" : l;
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String truncate(String v, int max) {
        return v == null || v.length() <= max ? v : v.substring(0, max);
    }
}
