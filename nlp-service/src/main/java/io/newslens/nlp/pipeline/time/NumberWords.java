package io.newslens.nlp.pipeline.time;

import java.util.Locale;
import java.util.Map;

/** Small cardinal numbers written as words or digits ("three", "twenty-five", "a couple of", "12"). */
public final class NumberWords {

    /** The regex alternation of the words {@link #parse} understands (besides digits). */
    public static final String WORDS = "a couple of|a few|a half|half a|half an|several|few|many|a|an|one|two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
            + "|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
            + "|hundred|a hundred|one hundred";

    private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90), Map.entry("hundred", 100), Map.entry("a couple of", 2));

    private NumberWords() {
    }

    /**
     * @return the value; -1 for vague amounts (several, a few, many); null when not a number
     */
    public static Double parse(String s) {
        String w = s.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
        if (w.matches("\\d+(\\.\\d+)?")) {
            return Double.parseDouble(w);
        }
        if (w.matches("\\d{1,3}(,\\d{3})+")) {
            return Double.parseDouble(w.replace(",", ""));
        }
        switch (w) {
            case "several", "a few", "few", "many" -> {
                return -1.0;
            }
            case "half a", "half an", "a half" -> {
                return 0.5;
            }
            case "a hundred", "one hundred" -> {
                return 100.0;
            }
            default -> {
            }
        }
        Integer unit = UNITS.get(w);
        if (unit != null) {
            return unit.doubleValue();
        }
        String[] parts = w.split("[- ]");
        if (parts.length == 2 && UNITS.containsKey(parts[0]) && UNITS.containsKey(parts[1])) {
            return (double) (UNITS.get(parts[0]) + UNITS.get(parts[1]));
        }
        return null;
    }
}
