package io.newslens.benchmarks.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates one slice of the archive (a contiguous run of article numbers and the matching stretch of time) and
 * streams it into PostgreSQL: articles, their entity rows, their quotes and their stories.
 *
 * <p>Articles come in stories, as news does: a story starts at a time that advances with the article number (so
 * rows are roughly in publication order on disk, as they are when articles arrive live), has 1 article half the
 * time and a long tail up to 60 (mean ≈3), its articles come from different outlets within four days, and they share
 * 2–5 core entities on top of their own Zipf-drawn ones. Each article has 400–900 words in paragraphs, 5–30 entity
 * mentions (plus a speaker mention per attributed quote) with exact offsets, 0–3 quotes, and an annotations JSON of
 * the shape query-service stores.
 */
final class ArticleGenerator implements Runnable {

    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssx").withZone(ZoneOffset.UTC);
    private static final String PIPELINE = "bench-1";

    final SyntheticWorld world;
    final String jdbcUrl;
    final long firstArticle;
    final long endArticle;
    final long totalArticles;
    final long seed;
    final AtomicLong progress;
    /** Per type and rank: articles, mentions, first and last seen (epoch seconds). */
    final int[][] articles = new int[SyntheticWorld.TYPES.length][];
    final int[][] mentions = new int[SyntheticWorld.TYPES.length][];
    final long[][] firstSeen = new long[SyntheticWorld.TYPES.length][];
    final long[][] lastSeen = new long[SyntheticWorld.TYPES.length][];
    long textChars;
    long articleEntityRows;
    long quoteRows;
    long storyRows;
    volatile Throwable failure;

    private final Vocabulary vocab;
    private final SplittableRandom random;
    private final MessageDigest sha256;

    ArticleGenerator(SyntheticWorld world, String jdbcUrl, long firstArticle, long endArticle, long totalArticles, long seed,
            AtomicLong progress) {
        this.world = world;
        this.vocab = world.vocabulary;
        this.jdbcUrl = jdbcUrl;
        this.firstArticle = firstArticle;
        this.endArticle = endArticle;
        this.totalArticles = totalArticles;
        this.seed = seed;
        this.progress = progress;
        this.random = new SplittableRandom(seed ^ SyntheticWorld.mix(firstArticle + 17));
        for (int t = 0; t < SyntheticWorld.TYPES.length; t++) {
            int n = SyntheticWorld.TYPE_SIZES[t];
            articles[t] = new int[n];
            mentions[t] = new int[n];
            firstSeen[t] = new long[n];
            lastSeen[t] = new long[n];
        }
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String articleId(long seed, long n) {
        return String.format("%016x", SyntheticWorld.mix(seed * 1_000_000_007L + n));
    }

    @Override
    public void run() {
        try (CopyStream articleOut = new CopyStream(jdbcUrl, "COPY article (id, url, source_name, source_domain, title, byline,"
                + " published_at, sort_time, language, text, text_hash, ingested_at, annotated_at, indexed_at, pipeline_version,"
                + " duplicate_of, story_id, sentiment, annotations, embedding) FROM STDIN");
                CopyStream entityOut = new CopyStream(jdbcUrl, "COPY article_entity (article_id, entity_id, entity_type,"
                        + " mention_count, salience, sentiment, sort_time, source_name) FROM STDIN");
                CopyStream quoteOut = new CopyStream(jdbcUrl, "COPY quote_load (article_id, speaker_entity_id, speaker_name, text,"
                        + " start_offset, end_offset, confidence, sort_time, source_name, language) FROM STDIN");
                CopyStream storyOut = new CopyStream(jdbcUrl, "COPY story (id, title, created_at, updated_at, first_published,"
                        + " last_published, article_count, source_count) FROM STDIN")) {
            long n = firstArticle;
            while (n < endArticle) {
                int size = storySize();
                size = (int) Math.min(size, endArticle - n);
                n = story(n, size, articleOut, entityOut, quoteOut, storyOut);
            }
            articleEntityRows = entityOut.rows;
            quoteRows = quoteOut.rows;
            storyRows = storyOut.rows;
        } catch (Throwable e) {
            failure = e;
        }
    }

    private int storySize() {
        if (random.nextBoolean()) {
            return 1;
        }
        // Pareto tail: 2 + floor(x), capped; mean of the multi-article stories ≈5
        double x = 1.2 * (Math.pow(random.nextDouble(), -1 / 1.6) - 1);
        return (int) Math.min(60, 2 + Math.floor(x * 2.5));
    }

    private long story(long n, int size, CopyStream articleOut, CopyStream entityOut, CopyStream quoteOut,
            CopyStream storyOut) throws SQLException {
        long base = SyntheticWorld.START.getEpochSecond() + (long) ((double) n / totalArticles * SyntheticWorld.SPAN_SECONDS);
        // the story's core cast: 2-5 entities shared by its articles
        int coreCount = 2 + random.nextInt(4);
        List<int[]> core = new ArrayList<>();
        for (int i = 0; i < coreCount; i++) {
            int t = i == 0 ? 0 : world.entityType(random);
            core.add(new int[] {t, world.entityRank(t, random)});
        }
        String storyId = "s_" + articleId(seed, n);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        Set<String> outlets = new LinkedHashSet<>();
        String storyTitle = null;
        for (int i = 0; i < size; i++, n++) {
            long t = base + (i == 0 ? 0 : random.nextLong(4 * 86_400L));
            first = Math.min(first, t);
            last = Math.max(last, t);
            SyntheticWorld.Source source = world.source(random);
            outlets.add(source.name());
            String title = article(n, t, source, storyId, core, articleOut, entityOut, quoteOut);
            if (storyTitle == null) {
                storyTitle = title;
            }
            long done = progress.incrementAndGet();
            if (done % 50_000 == 0) {
                System.out.printf(Locale.ROOT, "  %,d articles generated%n", done);
            }
        }
        storyOut.field(storyId).field(storyTitle).raw(TS.format(Instant.ofEpochSecond(last + 600)))
                .raw(TS.format(Instant.ofEpochSecond(last + 600))).raw(TS.format(Instant.ofEpochSecond(first)))
                .raw(TS.format(Instant.ofEpochSecond(last))).raw(size).raw(outlets.size());
        storyOut.endRow();
        return n;
    }

    /** One entity of an article: type, rank, mentions, and where its first mention went. */
    private static final class Picked {
        final int type;
        final int rank;
        int count;
        double sentiment;

        Picked(int type, int rank) {
            this.type = type;
            this.rank = rank;
        }
    }

    private String article(long n, long time, SyntheticWorld.Source source, String storyId, List<int[]> core,
            CopyStream articleOut, CopyStream entityOut, CopyStream quoteOut) throws SQLException {
        String id = articleId(seed, n);
        int words = 400 + random.nextInt(501);
        int mentionTotal = 5 + (int) (25 * Math.pow(random.nextDouble(), 1.4));
        int distinct = Math.max(3, Math.min(mentionTotal, (int) Math.round(mentionTotal * (0.35 + 0.3 * random.nextDouble()))));
        List<Picked> picked = new ArrayList<>();
        Set<Long> seen = new java.util.HashSet<>();
        for (int[] c : core) {
            if (picked.size() < distinct && random.nextInt(10) < 8 && seen.add((long) c[0] << 32 | c[1])) {
                picked.add(new Picked(c[0], c[1]));
            }
        }
        while (picked.size() < distinct) {
            int t = world.entityType(random);
            int r = world.entityRank(t, random);
            if (seen.add((long) t << 32 | r)) {
                picked.add(new Picked(t, r));
            }
        }
        // each entity is mentioned once; the rest of the mentions favour the first (most salient) ones
        int[] slots = new int[mentionTotal];
        for (int i = 0; i < mentionTotal; i++) {
            int e = i < picked.size() ? i : (int) (picked.size() * Math.pow(random.nextDouble(), 2.2));
            slots[i] = e;
        }
        for (int i = slots.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = slots[i];
            slots[i] = slots[j];
            slots[j] = tmp;
        }
        int quotes = pickQuotes();
        int sentencesPlanned = Math.max(1, words / 21);
        // which sentence each mention goes into
        List<List<Integer>> inSentence = new ArrayList<>();
        for (int s = 0; s < sentencesPlanned; s++) {
            inSentence.add(new ArrayList<>());
        }
        for (int slot : slots) {
            inSentence.get(random.nextInt(sentencesPlanned)).add(slot);
        }
        Set<Integer> quoteSentences = new java.util.HashSet<>();
        while (quoteSentences.size() < Math.min(quotes, sentencesPlanned - 1)) {
            quoteSentences.add(1 + random.nextInt(sentencesPlanned - 1));
        }
        int speaker = -1;
        for (int i = 0; i < picked.size() && speaker < 0; i++) {
            if (picked.get(i).type == 0) {
                speaker = i;
            }
        }

        StringBuilder text = new StringBuilder(words * 7);
        StringBuilder sentencesJson = new StringBuilder();
        StringBuilder mentionsJson = new StringBuilder();
        StringBuilder quotesJson = new StringBuilder();
        List<Object[]> quoteRowsOut = new ArrayList<>();
        int written = 0;
        int sentenceIndex = 0;
        int inParagraph = 0;
        while (written < words || sentenceIndex < sentencesPlanned) {
            int sentenceStart = text.length();
            boolean quote = quoteSentences.contains(sentenceIndex) && speaker >= 0;
            if (quote) {
                text.append('"');
            }
            String[] t = vocab.template(random);
            List<Integer> here = sentenceIndex < sentencesPlanned ? inSentence.get(sentenceIndex) : List.of();
            int[] insertAt = new int[here.size()];
            for (int i = 0; i < insertAt.length; i++) {
                insertAt[i] = random.nextInt(t.length);
            }
            for (int w = 0; w < t.length; w++) {
                for (int i = 0; i < insertAt.length; i++) {
                    if (insertAt[i] == w) {
                        if (text.length() > sentenceStart + (quote ? 1 : 0)) {
                            text.append(' ');
                        }
                        mention(picked.get(here.get(i)), text, mentionsJson);
                    }
                }
                String word = t[w];
                if (!vocab.isFunctionWord(word) && random.nextInt(4) != 0) {
                    word = vocab.word(vocab.rank(random));
                }
                if (text.length() > sentenceStart + (quote ? 1 : 0)) {
                    text.append(' ');
                }
                if (text.length() == sentenceStart + (quote ? 1 : 0)) {
                    text.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
                } else {
                    text.append(word);
                }
                written++;
            }
            if (quote) {
                int quoteEnd = text.length() + 2;
                text.append(",\" said ");
                Picked p = picked.get(speaker);
                mention(p, text, mentionsJson);
                text.append('.');
                String quoteText = text.substring(sentenceStart, quoteEnd);
                double confidence = 0.6 + 0.4 * random.nextDouble();
                String speakerId = world.entityIds[p.type][p.rank];
                String speakerName = world.entityNames[p.type][p.rank];
                quoteRowsOut.add(new Object[] {speakerId, speakerName, quoteText, sentenceStart, quoteEnd, confidence});
                if (!quotesJson.isEmpty()) {
                    quotesJson.append(',');
                }
                quotesJson.append("{\"start\":").append(sentenceStart).append(",\"end\":").append(quoteEnd).append(",\"text\":")
                        .append(json(quoteText)).append(",\"speakerEntityId\":").append(json(speakerId))
                        .append(",\"speakerName\":").append(json(speakerName)).append(",\"confidence\":")
                        .append(round(confidence)).append('}');
            } else {
                text.append('.');
            }
            if (!sentencesJson.isEmpty()) {
                sentencesJson.append(',');
            }
            sentencesJson.append("{\"start\":").append(sentenceStart).append(",\"end\":").append(text.length()).append('}');
            sentenceIndex++;
            if (++inParagraph >= 2 + random.nextInt(3)) {
                text.append("\n\n");
                inParagraph = 0;
            } else {
                text.append(' ');
            }
        }
        String body = text.toString().strip();
        textChars += body.length();

        StringBuilder titleText = new StringBuilder();
        Picked lead = picked.get(0);
        titleText.append(world.entityNames[lead.type][lead.rank]).append(' ');
        String[] t = vocab.template(random);
        int titleWords = Math.min(t.length, 5 + random.nextInt(7));
        for (int w = 0; w < titleWords; w++) {
            String word = t[w];
            if (!vocab.isFunctionWord(word) && random.nextInt(3) != 0) {
                word = vocab.word(vocab.rank(random));
            }
            titleText.append(w == 0 ? word : " " + word);
        }
        String title = titleText.toString();

        StringBuilder entitiesJson = new StringBuilder();
        int mentionSum = 0;
        for (Picked p : picked) {
            mentionSum += p.count;
        }
        String instant = TS.format(Instant.ofEpochSecond(time));
        for (Picked p : picked) {
            p.sentiment = Math.round((random.nextDouble() * 1.2 - 0.6) * 1000) / 1000.0;
            double salience = (double) p.count / mentionSum;
            String eid = world.entityIds[p.type][p.rank];
            String type = SyntheticWorld.TYPES[p.type];
            entityOut.field(id).raw(eid).raw(type).raw(p.count).raw(round(salience)).raw(p.sentiment).raw(instant)
                    .field(source.name());
            entityOut.endRow();
            if (!entitiesJson.isEmpty()) {
                entitiesJson.append(',');
            }
            entitiesJson.append("{\"id\":").append(json(eid)).append(",\"name\":").append(json(world.entityNames[p.type][p.rank]))
                    .append(",\"type\":\"").append(type).append("\",\"subtype\":null,\"aliases\":[");
            List<String> aliases = world.aliases(p.type, p.rank);
            for (int i = 0; i < aliases.size(); i++) {
                entitiesJson.append(i == 0 ? "" : ",").append(json(aliases.get(i)));
            }
            entitiesJson.append("],\"wikipedia\":null,\"mentionCount\":").append(p.count).append(",\"salience\":")
                    .append(round(salience)).append(",\"sentiment\":").append(p.sentiment).append('}');
            articles[p.type][p.rank]++;
            mentions[p.type][p.rank] += p.count;
            if (firstSeen[p.type][p.rank] == 0 || time < firstSeen[p.type][p.rank]) {
                firstSeen[p.type][p.rank] = time;
            }
            lastSeen[p.type][p.rank] = Math.max(lastSeen[p.type][p.rank], time);
        }
        for (Object[] q : quoteRowsOut) {
            quoteOut.field(id).raw(q[0]).field((String) q[1]).field((String) q[2]).raw(q[3]).raw(q[4]).raw(round((double) q[5]))
                    .raw(instant).field(source.name()).raw(source.language());
            quoteOut.endRow();
        }
        double sentiment = Math.round((random.nextDouble() - 0.5) * 1000) / 1000.0;
        String annotations = "{\"sentences\":[" + sentencesJson + "],\"mentions\":[" + mentionsJson + "],\"entities\":["
                + entitiesJson + "],\"temporals\":[],\"quotes\":[" + quotesJson + "],\"events\":[],\"keyphrases\":[],"
                + "\"sentiment\":{\"score\":" + sentiment + ",\"label\":\"" + (sentiment > 0.15 ? "positive"
                        : sentiment < -0.15 ? "negative" : "neutral") + "\"},\"embedding\":null}";
        String published = instant;
        String ingested = TS.format(Instant.ofEpochSecond(time + 60 + random.nextInt(600)));
        String annotated = TS.format(Instant.ofEpochSecond(time + 700 + random.nextInt(60)));
        Instant day = Instant.ofEpochSecond(time);
        String url = "https://" + source.domain() + "/" + DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC).format(day)
                + "/" + slug(title) + "-" + id.substring(0, 6);
        String byline = "By " + world.entityNames[0][(int) (SyntheticWorld.mix(n) & 0x3fff)];
        articleOut.field(id).field(url).field(source.name()).field(source.domain()).field(title).field(byline)
                .raw(published).raw(published).raw(source.language()).field(body).raw(hash(body)).raw(ingested).raw(annotated)
                .raw(annotated).raw(PIPELINE).raw(null).raw(storyId).raw(sentiment).field(annotations).raw(null);
        articleOut.endRow();
        return title;
    }

    private void mention(Picked p, StringBuilder text, StringBuilder mentionsJson) {
        String name = world.entityNames[p.type][p.rank];
        int start = text.length();
        text.append(name);
        p.count++;
        if (!mentionsJson.isEmpty()) {
            mentionsJson.append(',');
        }
        mentionsJson.append("{\"start\":").append(start).append(",\"end\":").append(text.length()).append(",\"text\":")
                .append(json(name)).append(",\"type\":\"").append(SyntheticWorld.TYPES[p.type])
                .append("\",\"subtype\":null,\"entityId\":").append(json(world.entityIds[p.type][p.rank])).append('}');
    }

    private int pickQuotes() {
        int r = random.nextInt(100);
        return r < 35 ? 0 : r < 70 ? 1 : r < 90 ? 2 : 3;
    }

    private String hash(String body) {
        return HexFormat.of().formatHex(sha256.digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }

    static String round(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
