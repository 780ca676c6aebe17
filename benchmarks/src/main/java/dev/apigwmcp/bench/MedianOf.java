package dev.apigwmcp.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Prints the median and spread of numbers given on the command line, as {@link Stats#text} writes them: for
 * figures that run.sh measures itself. Usage: {@code MedianOf VALUE...}.
 */
public final class MedianOf {

    private MedianOf() {}

    public static void main(String[] args) {
        List<Double> values = Arrays.stream(args).map(Double::parseDouble).toList();
        System.out.println(Stats.of(values).text("%.0f"));
    }
}
