package io.newslens.benchmarks.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The word model of the synthetic articles, learned from real news text (the shared corpus and the samples).
 *
 * <p>Real news has a long-tailed vocabulary: a few hundred function words carry half the tokens and most of the
 * 100k+ distinct words occur in a handful of articles. The corpus here is only a few thousand distinct words, so
 * its words, ranked by their frequency in the corpus, make up the head of the ranking, and a long tail of
 * pronounceable pseudo-words (built from syllables of the real words) fills it up to {@link #size()}. Words are
 * drawn from this ranking with a Zipf law (exponent ≈1, the classic fit for English text).
 *
 * <p>Sentences keep the shape of real sentences: a real sentence is the template, its function words stay in
 * place, a quarter of its content words stay too (so real collocations such as "defence minister" recur, which
 * phrase queries need), and the others are replaced by Zipf draws.
 */
final class Vocabulary {

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*[\\p{L}]|[\\p{L}]");
    /** Ranks at or below this count as function words, kept in templates. */
    private static final int FUNCTION_WORDS = 120;

    private final String[] words;
    private final double[] cumulative;
    private final List<String[]> templates;
    private final Set<String> functionWords;
    private final int realWords;

    private Vocabulary(String[] words, double exponent, List<String[]> templates, int realWords) {
        this.words = words;
        this.templates = templates;
        this.realWords = realWords;
        this.cumulative = new double[words.length];
        double sum = 0;
        for (int i = 0; i < words.length; i++) {
            sum += 1.0 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        for (int i = 0; i < words.length; i++) {
            cumulative[i] /= sum;
        }
        this.functionWords = new LinkedHashSet<>(List.of(words).subList(0, Math.min(FUNCTION_WORDS, realWords)));
    }

    /** Learns the ranking and the sentence templates from every .txt/.html file under the given directories. */
    static Vocabulary learn(List<Path> dirs, int size, long seed) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        List<String[]> templates = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".html"))
                        .sorted().toList()) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    if (f.toString().endsWith(".html")) {
                        text = text.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ");
                    }
                    for (String sentence : text.split("(?<=[.!?])\\s+|\\n\\s*\\n")) {
                        List<String> tokens = new ArrayList<>();
                        Matcher m = WORD.matcher(sentence);
                        while (m.find()) {
                            String w = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
                            tokens.add(w);
                            counts.merge(w, 1, Integer::sum);
                        }
                        if (tokens.size() >= 6 && tokens.size() <= 45) {
                            templates.add(tokens.toArray(String[]::new));
                        }
                    }
                }
            }
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no sentences found under " + dirs);
        }
        List<String> ranked = new ArrayList<>(counts.keySet());
        ranked.sort(Comparator.comparing((String w) -> -counts.get(w)).thenComparing(w -> w));
        Set<String> all = new LinkedHashSet<>(ranked);
        int real = all.size();
        // syllables of the real words make the pseudo-words of the long tail
        List<String> syllables = new ArrayList<>(new LinkedHashSet<>(ranked.stream()
                .filter(w -> w.length() >= 4 && w.chars().allMatch(Character::isLetter))
                .flatMap(w -> Stream.of(w.substring(0, 2), w.substring(1, 3), w.substring(w.length() - 3)))
                .toList()));
        SplittableRandom random = new SplittableRandom(seed);
        while (all.size() < size) {
            StringBuilder w = new StringBuilder();
            int parts = 2 + random.nextInt(3);
            for (int i = 0; i < parts; i++) {
                w.append(syllables.get(random.nextInt(syllables.size())));
            }
            all.add(w.toString());
        }
        return new Vocabulary(all.toArray(String[]::new), 1.0, templates, real);
    }

    int size() {
        return words.length;
    }

    int realWords() {
        return realWords;
    }

    /** The word at a rank (0 = most frequent). */
    String word(int rank) {
        return words[rank];
    }

    /** A Zipf-distributed rank. */
    int rank(SplittableRandom random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    boolean isFunctionWord(String w) {
        return functionWords.contains(w);
    }

    /** A real template sentence (lower-case words). */
    String[] template(SplittableRandom random) {
        return templates.get(random.nextInt(templates.size()));
    }

    List<String[]> templates() {
        return templates;
    }

    /** Appends the words of one sentence built on a real template; returns the number of words written. */
    int sentence(SplittableRandom random, StringBuilder out, boolean capitalize) {
        String[] t = template(random);
        for (int i = 0; i < t.length; i++) {
            String w = t[i];
            if (!functionWords.contains(w) && random.nextInt(4) != 0) {
                w = words[rank(random)];
            }
            if (i > 0) {
                out.append(' ');
            }
            if (i == 0 && capitalize) {
                out.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
            } else {
                out.append(w);
            }
        }
        return t.length;
    }
}
