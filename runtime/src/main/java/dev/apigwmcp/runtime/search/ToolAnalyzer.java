package dev.apigwmcp.runtime.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysis of tool text and queries alike: Lucene's English chain (standard tokenizer, possessives, lower
 * case, English stop words, Porter stemming) with the abbreviations APIs and their users write for the same
 * thing stemmed to one term ({@code repo} and {@code repository}, {@code org} and {@code organization}).
 */
final class ToolAnalyzer extends Analyzer {

    /** Short forms and their long form, both directions meeting at the long form's stem. */
    private static final String[][] SAME_STEM = {
        {"repo", "repository"},
        {"repos", "repository"},
        {"org", "organization"},
        {"orgs", "organization"},
        {"env", "environment"},
        {"envs", "environment"},
        {"config", "configuration"},
        {"configs", "configuration"},
        {"info", "information"},
        {"pr", "pull"},
        {"prs", "pull"},
    };

    private final StemmerOverrideFilter.StemmerOverrideMap overrides;

    ToolAnalyzer() {
        try {
            StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
            for (String[] pair : SAME_STEM) {
                builder.add(pair[0], stem(pair[1]));
            }
            this.overrides = builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new StemmerOverrideFilter(stream, overrides);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    /** The distinct terms of a text, in order of appearance. */
    List<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = tokenStream("query", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        return new ArrayList<>(terms);
    }

    /** A word's Porter stem, by the same filter the chain ends with. */
    private static String stem(String word) {
        try (Analyzer plain = new Analyzer() {
                    @Override
                    protected TokenStreamComponents createComponents(String fieldName) {
                        Tokenizer source = new StandardTokenizer();
                        return new TokenStreamComponents(source, new PorterStemFilter(new LowerCaseFilter(source)));
                    }
                };
                TokenStream stream = plain.tokenStream("", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String stem = stream.incrementToken() ? term.toString() : word;
            stream.end();
            return stem;
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }
}
