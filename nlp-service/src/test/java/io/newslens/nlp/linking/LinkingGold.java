package io.newslens.nlp.linking;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.nlp.linking.index.MappedWikiIndex;
import io.newslens.nlp.linking.index.WikiIndex;
import io.newslens.nlp.pipeline.AnalyzedText;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The linking gold list (src/test/resources/nlp/linking/gold-links.json) and its scoring: accuracy over all
 * entities, precision of the links made, recall of the expected links, and how often "no link" was right.
 * Also a command-line report: {@code java ... io.newslens.nlp.linking.LinkingGold} (see docs/nlp-linking.md).
 */
public final class LinkingGold {

    public record GoldEntity(String name, String type, String subtype, List<String> aliases, String expect) {
    }

    public record GoldDocument(String id, String text, List<GoldEntity> entities) {
    }

    public record Gold(String about, List<GoldDocument> documents) {
    }

    public record Outcome(String document, GoldEntity entity, EntityLinker.Link link, long nanos) {
        boolean correct() {
            return Objects.equals(entity.expect(), link.title());
        }
    }

    public record Score(int total, int correct, int linked, int linkedCorrect, int expectedLinks, int expectedNone,
            int noneCorrect, long p50Nanos, long p99Nanos, List<Outcome> outcomes) {
        double accuracy() {
            return correct / (double) total;
        }

        double precision() {
            return linked == 0 ? 1 : linkedCorrect / (double) linked;
        }

        double recall() {
            return expectedLinks == 0 ? 1 : linkedCorrect / (double) expectedLinks;
        }

        String summary() {
            return String.format("entities %d: accuracy %.3f (%d/%d), link precision %.3f (%d/%d), link recall %.3f (%d/%d), "
                    + "no-link right %d/%d; per-entity link time p50 %.0f µs, p99 %.0f µs", total, accuracy(), correct, total,
                    precision(), linkedCorrect, linked, recall(), linkedCorrect, expectedLinks, noneCorrect, expectedNone,
                    p50Nanos / 1e3, p99Nanos / 1e3);
        }
    }

    public static Gold load() throws IOException {
        return load("/nlp/linking/gold-links.json");
    }

    public static Gold load(String resource) throws IOException {
        try (InputStream in = LinkingGold.class.getResourceAsStream(resource)) {
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).readValue(in, Gold.class);
        }
    }

    public static List<AnalyzedText.LocalEntity> localEntities(GoldDocument d) {
        List<AnalyzedText.LocalEntity> out = new ArrayList<>();
        for (int i = 0; i < d.entities().size(); i++) {
            GoldEntity g = d.entities().get(i);
            out.add(new AnalyzedText.LocalEntity("k" + i, g.name(), g.type(), g.subtype(),
                    g.aliases() == null ? List.of() : g.aliases(), 1));
        }
        return out;
    }

    public static Score score(Gold gold, EntityLinker linker) {
        return score(gold, linker::linkAll);
    }

    public static Score score(Gold gold,
            java.util.function.BiFunction<List<AnalyzedText.LocalEntity>, String, Map<String, EntityLinker.Link>> linkAll) {
        List<Outcome> outcomes = new ArrayList<>();
        for (GoldDocument d : gold.documents()) {
            List<AnalyzedText.LocalEntity> entities = localEntities(d);
            long started = System.nanoTime();
            Map<String, EntityLinker.Link> links = linkAll.apply(entities, d.text());
            long perEntity = (System.nanoTime() - started) / Math.max(1, entities.size());
            for (int i = 0; i < entities.size(); i++) {
                outcomes.add(new Outcome(d.id(), d.entities().get(i), links.get(entities.get(i).key()), perEntity));
            }
        }
        int correct = 0;
        int linked = 0;
        int linkedCorrect = 0;
        int expectedLinks = 0;
        int expectedNone = 0;
        int noneCorrect = 0;
        for (Outcome o : outcomes) {
            boolean ok = o.correct();
            correct += ok ? 1 : 0;
            if (o.link().linked()) {
                linked++;
                linkedCorrect += ok ? 1 : 0;
            }
            if (o.entity().expect() != null) {
                expectedLinks++;
            } else {
                expectedNone++;
                noneCorrect += ok ? 1 : 0;
            }
        }
        long[] times = outcomes.stream().mapToLong(Outcome::nanos).sorted().toArray();
        return new Score(outcomes.size(), correct, linked, linkedCorrect, expectedLinks, expectedNone, noneCorrect,
                percentile(times, 0.5), percentile(times, 0.99), outcomes);
    }

    /**
     * The baseline: the dictionary's title for the entity's name as it is, blindly (highest P(title | alias) under
     * the name's key; no type, no context, no refusal).
     */
    public static Score scoreBlind(Gold gold, WikiIndex index) {
        return score(gold, (entities, text) -> {
                Map<String, EntityLinker.Link> out = new java.util.LinkedHashMap<>();
                for (AnalyzedText.LocalEntity e : entities) {
                    WikiIndex.Entry best = null;
                    for (WikiIndex.Entry entry : index.lookup(NameKeys.key(e.name()))) {
                        if (entry.prior() > 0 && (best == null || entry.prior() > best.prior())) {
                            best = entry;
                        }
                    }
                    out.put(e.key(), best == null ? EntityLinker.Link.none("not in the dictionary")
                            : new EntityLinker.Link(index.title(best.titleId()).title(), best.prior(), null, "blind"));
                }
                return out;
        });
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Prints every decision and the summary, against the index folder given or the default cache. */
    public static void main(String[] args) throws Exception {
        WikiIndex index = args.length > 0 ? MappedWikiIndex.open(java.nio.file.Paths.get(args[0])) : RealIndex.open();
        Gold gold = load(System.getProperty("gold", "/nlp/linking/gold-links.json"));
        if (System.getProperty("sweep") != null) {
            EntityLinker.Settings d = EntityLinker.Settings.defaults();
            for (double coherence : new double[] {0.1, 0.15, 0.2, 0.25, 0.3}) {
                for (double min : new double[] {0.4, 0.45, 0.5, 0.55}) {
                    EntityLinker.Settings s = new EntityLinker.Settings(coherence, d.popularityWeight(), d.noLinkWeight(), min,
                            d.minResidual(), d.maxTitleShare(), d.otherFormFactor(), d.otherCaseFactor(), d.aliasFormFactor());
                    System.out.printf("coherence %.2f min %.2f: %s%n", coherence, min, score(gold, new EntityLinker(index, s)).summary());
                }
            }
            return;
        }
        EntityLinker linker = new EntityLinker(index, EntityLinker.Settings.defaults());
        score(gold, linker); // warm-up
        Score s = score(gold, linker);
        for (Outcome o : s.outcomes()) {
            System.out.printf("%s %-18s %-22s %-13s expect %-35s got %-35s %.2f %s%n", o.correct() ? "ok  " : "MISS",
                    o.document(), o.entity().name(), o.entity().type(), o.entity().expect(), o.link().title(),
                    o.link().confidence(), o.link().reason());
            if (!o.correct() && System.getProperty("explain") != null) {
                GoldDocument d = gold.documents().stream().filter(x -> x.id().equals(o.document())).findFirst().orElseThrow();
                List<AnalyzedText.LocalEntity> entities = localEntities(d);
                List<String> lines = new ArrayList<>();
                linker.link(entities.get(d.entities().indexOf(o.entity())), LinkingContext.of(d.text(), entities), lines);
                lines.forEach(l -> System.out.println("        " + l));
            }
        }
        System.out.println(s.summary());
        System.out.println("baseline (dictionary title of the name, blindly): " + scoreBlind(gold, index).summary());
    }
}
