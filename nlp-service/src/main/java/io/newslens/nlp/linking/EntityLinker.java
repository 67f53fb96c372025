package io.newslens.nlp.linking;

import io.newslens.nlp.linking.index.IndexFormat;
import io.newslens.nlp.linking.index.TitleType;
import io.newslens.nlp.linking.index.WikiIndex;
import io.newslens.nlp.pipeline.AnalyzedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links a document entity to a Wikipedia title, or refuses.
 *
 * <p>Candidates come from the dictionary under the entity's name and its other forms in the document (each
 * alias with P(title | alias) and the case shapes it was seen in), plus titles whose name without qualifier is
 * the entity's name ("Georgia" → Georgia_(country), Georgia_(U.S._state); "Washington" → Washington,_D.C.).
 * Each candidate is scored in log space:
 *
 * <pre>
 *   ln(prior) + ln(type fit) + β · coherence + γ · ln(1 + popularity)
 * </pre>
 *
 * where the prior is the dictionary probability (discounted when the case differs or the form is a secondary
 * alias; a small floor for title-derived candidates), the type fit compares the mention's NER type with the
 * title's guessed type (a person never links to a city, a place never to a film), and coherence is the summed idf
 * of the title's context words that occur in the document. Scores become a distribution together with a "no
 * link" alternative, and the best title is kept only if it wins clearly: weak links are refused.
 */
public final class EntityLinker {

    /** The outcome for one entity: a title, or none with the reason. */
    public record Link(String title, double confidence, TitleType titleType, String reason) {
        public static Link none(String reason) {
            return new Link(null, 0, null, reason);
        }

        public boolean linked() {
            return title != null;
        }
    }

    /** Tunables, with the values measured on the gold list (docs/nlp-linking.md). */
    public record Settings(double coherenceWeight, double popularityWeight, double noLinkWeight, double minConfidence,
            double minResidual, double maxTitleShare, double otherFormFactor, double otherCaseFactor,
            double aliasFormFactor) {
        public static Settings defaults() {
            return new Settings(0.15, 0.1, 0.08, 0.45, 0.05, 0.5, 0.3, 0.5, 0.85);
        }

        public Settings withMinConfidence(double value) {
            return new Settings(coherenceWeight, popularityWeight, noLinkWeight, value, minResidual, maxTitleShare,
                    otherFormFactor, otherCaseFactor, aliasFormFactor);
        }
    }

    private static final int MAX_FORMS = 6;

    private final WikiIndex index;
    private final Settings settings;

    public EntityLinker(WikiIndex index, Settings settings) {
        this.index = index;
        this.settings = settings;
    }

    private static final class Candidate {
        final int titleId;
        double prior;
        boolean exactTitle;
        boolean fromAlias;
        boolean titleDerived;
        double titleFloor;
        WikiIndex.Title title;
        double score;
        double coherence;

        Candidate(int titleId) {
            this.titleId = titleId;
        }
    }

    public Link link(AnalyzedText.LocalEntity entity, LinkingContext context) {
        return link(entity, context, null);
    }

    /** Like {@link #link}, adding a line per top candidate to {@code explain} (for evaluation and debugging). */
    public Link link(AnalyzedText.LocalEntity entity, LinkingContext context, List<String> explain) {
        String type = entity.type();
        List<String> forms = forms(entity);
        if (forms.isEmpty()) {
            return Link.none("no name");
        }
        Map<Integer, Candidate> candidates = new HashMap<>();
        double topExactPrior = 0;
        for (int f = 0; f < forms.size(); f++) {
            String form = forms.get(f);
            String key = NameKeys.key(form);
            if (key.isEmpty()) {
                continue;
            }
            NameKeys.Shape shape = NameKeys.Shape.of(form);
            int formHash = IndexFormat.formHash(form);
            double formFactor = f == 0 ? 1.0 : settings.aliasFormFactor();
            for (WikiIndex.Entry e : index.lookup(key)) {
                Candidate c = candidates.computeIfAbsent(e.titleId(), Candidate::new);
                if (e.prior() > 0) {
                    // the alias written exactly as the mention is the dictionary's real evidence; other spellings
                    // under the same key ("White-House", "WHITE HOUSE") are weaker
                    boolean exactForm = e.form() == formHash && e.has(IndexFormat.FLAG_PLAIN);
                    double p = e.prior() * formFactor * (exactForm ? 1.0 : settings.otherFormFactor())
                            * (shapeMatches(shape, form, e) ? 1.0 : settings.otherCaseFactor());
                    if (p > c.prior) {
                        c.prior = p;
                    }
                    c.fromAlias = true;
                    if (f == 0 && exactForm) {
                        topExactPrior = Math.max(topExactPrior, e.prior());
                    }
                }
                if (f == 0 && e.has(IndexFormat.FLAG_TITLE_EXACT)) {
                    c.exactTitle = true;
                }
                if (e.has(IndexFormat.FLAG_TITLE_BASE)) {
                    c.titleDerived = true;
                    c.titleFloor = Math.max(c.titleFloor, formFactor);
                }
            }
        }
        if (candidates.isEmpty()) {
            return Link.none("not in the dictionary");
        }
        // The dictionary keeps only each alias's most likely title: the rest of the probability mass (1 - P of
        // the exact alias) belongs to other titles of that name. Share it among the titles whose name is the
        // mention's ("Washington, D.C." for "Washington") by how often each is linked.
        double residual = Math.max(settings.minResidual(), 1 - topExactPrior);
        double derivedPopularity = 0;
        double topPopularity = 0;
        double topPrior = 0;
        for (Candidate c : candidates.values()) {
            c.title = index.title(c.titleId);
            if (c.titleDerived && c.title.type().isLinkable()) {
                derivedPopularity += 1 + c.title.popularity();
            }
            if (c.fromAlias && c.prior > topPrior) {
                topPrior = c.prior;
                topPopularity = c.titleDerived ? 0 : 1 + c.title.popularity();
            }
        }
        // the dictionary's own choice competes for the share too: a rarely linked namesake gets little
        derivedPopularity += topPopularity;
        for (Candidate c : candidates.values()) {
            if (c.titleDerived && derivedPopularity > 0) {
                double share = residual * (1 + c.title.popularity()) / derivedPopularity * c.titleFloor;
                c.prior = Math.max(c.prior, Math.min(share, settings.maxTitleShare()));
            }
        }
        Set<Integer> ownWords = LinkingContext.wordsOf(forms);
        List<String> nameTokens = NameKeys.personTokens(forms.get(0));
        List<Candidate> viable = new ArrayList<>();
        String refusal = "no candidate of a compatible type";
        for (Candidate c : candidates.values()) {
            if (c.prior <= 0) {
                continue;
            }
            double fit = typeFit(type, entity.subtype(), c.title.type());
            if (fit <= 0) {
                continue;
            }
            if ("PERSON".equals(type)) {
                double nameFit = personNameFit(nameTokens, c.title.title());
                if (nameFit <= 0) {
                    refusal = "no person title sharing the name";
                    continue;
                }
                fit *= nameFit;
            }
            c.coherence = context.coherence(c.title.profile(), ownWords);
            if (c.exactTitle) {
                // Wikipedia gives the unqualified title to a name's primary topic (Li_Qiang, not Li_Qiang_(canoer))
                fit *= 1.5;
            }
            c.score = Math.log(c.prior) + Math.log(fit) + settings.coherenceWeight() * c.coherence
                    + settings.popularityWeight() * Math.log1p(c.title.popularity());
            viable.add(c);
        }
        if (viable.isEmpty()) {
            return Link.none(refusal);
        }
        viable.sort(Comparator.comparingDouble((Candidate c) -> -c.score));
        if (explain != null) {
            for (Candidate c : viable.subList(0, Math.min(8, viable.size()))) {
                explain.add(String.format("%-40s %-18s prior %.3f coh %5.1f pop %5d score %6.2f", c.title.title(),
                        c.title.type(), c.prior, c.coherence, c.title.popularity(), c.score));
            }
        }
        Candidate best = viable.get(0);
        // "no link" competes with a fixed weight: a candidate needs prior, fit and context to beat it
        double norm = Math.exp(Math.log(settings.noLinkWeight()) + settings.popularityWeight() * Math.log1p(20) - best.score);
        for (Candidate c : viable) {
            norm += Math.exp(c.score - best.score);
        }
        double confidence = 1.0 / norm;
        if (confidence < settings.minConfidence()) {
            return new Link(null, confidence, best.title.type(), "too weak: " + best.title.title());
        }
        if (!best.fromAlias && !best.exactTitle && best.coherence < 4) {
            // a title found only through its base name needs the document's support
            return new Link(null, confidence, best.title.type(), "title-name match without context: " + best.title.title());
        }
        return new Link(best.title.title(), confidence, best.title.type(), best.fromAlias ? "alias" : "title");
    }

    /**
     * Links all entities of a document in two passes: the confident links of the first pass add their titles'
     * names to the context of the second ("U.S." linked to United States supports Washington, D.C.; "Tbilisi"
     * supports Georgia the country), so co-mentioned entities help each other.
     *
     * @return entity key → link (never null)
     */
    public Map<String, Link> linkAll(List<AnalyzedText.LocalEntity> entities, String text) {
        LinkingContext first = LinkingContext.of(text, entities);
        Map<String, Link> links = new java.util.LinkedHashMap<>();
        List<String> confident = new ArrayList<>();
        for (AnalyzedText.LocalEntity e : entities) {
            Link l = link(e, first);
            links.put(e.key(), l);
            if (l.linked() && l.confidence() >= 0.65) {
                confident.add(NameKeys.displayName(l.title()));
            }
        }
        if (confident.isEmpty() || entities.size() < 2) {
            return links;
        }
        LinkingContext second = first.with(confident);
        for (AnalyzedText.LocalEntity e : entities) {
            Link l = links.get(e.key());
            if (!l.linked() || l.confidence() < 0.65) {
                links.put(e.key(), link(e, second));
            }
        }
        return links;
    }

    /** The entity's name first, then its other forms, longest first; single person surnames last. */
    static List<String> forms(AnalyzedText.LocalEntity entity) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (entity.name() != null && !entity.name().isBlank()) {
            out.add(entity.name().strip());
        }
        if (entity.aliases() != null) {
            entity.aliases().stream().filter(a -> a != null && !a.isBlank()).map(String::strip)
                    .sorted(Comparator.comparingInt(String::length).reversed()).forEach(out::add);
        }
        List<String> list = new ArrayList<>(out);
        return list.size() > MAX_FORMS ? list.subList(0, MAX_FORMS) : list;
    }

    private static boolean shapeMatches(NameKeys.Shape shape, String form, WikiIndex.Entry e) {
        return switch (shape) {
            case ALL_CAPS -> e.has(IndexFormat.FLAG_ALL_CAPS)
                    // a headline or dateline in capitals ("WASHINGTON —") is a capitalised name, not an acronym
                    || form.length() > 4 && e.has(IndexFormat.FLAG_CAPITALISED);
            case CAPITALISED -> e.has(IndexFormat.FLAG_CAPITALISED);
            default -> e.has(IndexFormat.FLAG_OTHER_CASE) || e.has(IndexFormat.FLAG_CAPITALISED);
        };
    }

    /**
     * How well a person's title carries the mention's name: 1 when every name token is in the title (equal, a
     * near spelling, or a short form such as "Tim" for "Timothy"), a small factor when only some are ("Kim Jong Un"
     * against Kim_Jong-woon), 0 when none are ("Li" → Lithium, "Qin Gang" → an unrelated article) or when a
     * single-word name meets a single-word title.
     */
    static double personNameFit(List<String> nameTokens, String title) {
        List<String> titleTokens = NameKeys.personTokens(NameKeys.displayName(title));
        if (nameTokens.isEmpty() || titleTokens.isEmpty()) {
            return 0;
        }
        if (nameTokens.size() == 1) {
            // a lone name is a surname ("Putin" → Vladimir Putin); a lone first name ("Jordan, a nurse") links nowhere
            String only = nameTokens.get(0);
            String lastOfTitle = titleTokens.get(titleTokens.size() - 1);
            return titleTokens.size() >= 2 && (only.equals(lastOfTitle) || PersonNames.nearSpelling(only, lastOfTitle)) ? 1 : 0;
        }
        int found = 0;
        for (String t : nameTokens) {
            for (String u : titleTokens) {
                if (t.equals(u) || PersonNames.nearSpelling(t, u)
                        || t.length() >= 3 && u.length() > t.length() && u.startsWith(t) && t.equals(nameTokens.get(0))) {
                    found++;
                    break;
                }
            }
        }
        if (found == nameTokens.size()) {
            return 1;
        }
        return found == 0 ? 0 : 0.05;
    }

    /** How well a title's type fits the mention's type: 0 refuses, 1 is a clean fit, unknown titles in between. */
    static double typeFit(String mentionType, String subtype, TitleType title) {
        if (!title.isLinkable()) {
            return 0;
        }
        String t = mentionType == null ? "MISC" : mentionType;
        double fit = switch (t) {
            case "PERSON" -> switch (title) {
                case PERSON -> 1.0;
                case UNKNOWN -> 0.7;
                default -> 0;
            };
            case "ORGANIZATION" -> switch (title) {
                case ORGANIZATION -> 1.0;
                case UNKNOWN -> 0.7;
                case LOCATION, CITY, COUNTRY, STATE_OR_PROVINCE -> 0.25; // "Kremlin", "Washington" for a government
                case WORK, EQUIPMENT -> 0.15;
                default -> 0;
            };
            case "LOCATION" -> switch (title) {
                case LOCATION, CITY, COUNTRY, STATE_OR_PROVINCE -> 1.0;
                case UNKNOWN -> 0.7;
                case ORGANIZATION -> 0.3; // buildings and institutions named by place
                default -> 0;
            };
            case "EQUIPMENT" -> switch (title) {
                case EQUIPMENT -> 1.0;
                case UNKNOWN -> 0.7;
                case ORGANIZATION -> 0.15;
                default -> 0;
            };
            default -> "NATIONALITY".equals(subtype) || "RELIGION".equals(subtype) || "IDEOLOGY".equals(subtype)
                    // "Russian", "Muslim": adjectives; the dictionary's title for them is a language or a people
                    ? 0
                    : switch (title) { // MISC: events, works, products
                case PERSON -> 0.1;
                case UNKNOWN, EVENT, WORK, EQUIPMENT -> 0.7;
                default -> 0.5;
            };
        };
        if (fit > 0 && subtype != null && title.isPlace() && title != TitleType.LOCATION) {
            String s = subtype;
            boolean same = s.equals(title.name()) || (s.equals("NATIONALITY") && title == TitleType.COUNTRY);
            // NER subtypes of ambiguous names are guesses too: a nudge, not a veto
            fit *= same ? 1.2 : ("COUNTRY".equals(s) || "CITY".equals(s) || "STATE_OR_PROVINCE".equals(s)) ? 0.8 : 1.0;
        }
        return fit;
    }
}
