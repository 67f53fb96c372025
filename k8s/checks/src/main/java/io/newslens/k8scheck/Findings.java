package io.newslens.k8scheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every failure of every check, grouped by check, so the summary can say what failed and where. */
final class Findings {

    record Finding(String check, String where, String message) {
        @Override
        public String toString() {
            return "[" + check + "] " + where + ": " + message;
        }
    }

    private final List<Finding> failures = new ArrayList<>();
    private final Map<String, int[]> counts = new LinkedHashMap<>();

    /** Counts one thing a check looked at (for the summary), whether it passed or not. */
    void checked(String check) {
        counts.computeIfAbsent(check, k -> new int[2])[0]++;
    }

    void fail(String check, String where, String message) {
        counts.computeIfAbsent(check, k -> new int[2])[1]++;
        failures.add(new Finding(check, where, message));
    }

    /** Fails unless the condition holds; counts the look either way. */
    boolean expect(boolean condition, String check, String where, String message) {
        checked(check);
        if (!condition) {
            fail(check, where, message);
        }
        return condition;
    }

    List<Finding> failures() {
        return failures;
    }

    boolean ok() {
        return failures.isEmpty();
    }

    Map<String, int[]> counts() {
        return counts;
    }
}
