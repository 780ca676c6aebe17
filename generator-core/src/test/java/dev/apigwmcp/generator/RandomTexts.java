package dev.apigwmcp.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random short texts over a small alphabet, for tests that compare a hand-written routine with a reference. */
public final class RandomTexts {

    private RandomTexts() {}

    /** {@code count} texts of 0 to {@code maxLength - 1} characters drawn from {@code alphabet}, the same every run. */
    public static List<String> of(long seed, String alphabet, int count, int maxLength) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(maxLength); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        return texts;
    }
}
