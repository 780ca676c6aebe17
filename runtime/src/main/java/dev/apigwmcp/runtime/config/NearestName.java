package dev.apigwmcp.runtime.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** The known name closest to a mistyped one, for the "did you mean" part of a message. */
final class NearestName {

    private NearestName() {}

    /**
     * The candidate nearest to {@code typed}, when it is near enough to be a likely typo: at most one edit in three
     * characters (case ignored; an edit is a character inserted, removed or replaced, or two neighbours swapped).
     * Ties go to the alphabetically first candidate, so the hint does not depend on iteration order.
     */
    public static Optional<String> of(String typed, Collection<String> candidates) {
        String wanted = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(candidates)) {
            int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null || bestDistance > Math.max(1, Math.min(typed.length(), best.length()) / 3)) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /** Optimal string alignment distance: Levenshtein plus the swap of two adjacent characters. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
