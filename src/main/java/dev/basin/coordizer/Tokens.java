package dev.basin.coordizer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * The words of a text, as the coordizer counts them (Lucene's English analysis chain): Unicode NFC, Lucene's
 * {@link StandardTokenizer} (UAX #29 word boundaries), English possessive {@code 's} removed, lower case, Lucene's
 * English stop words removed, then tokens without a letter or of one character dropped, and each word reduced to its
 * Porter stem (Snowball's Porter stemmer). {@link Token#surface()} keeps the lower-cased word, so a stem can be shown
 * as the word it most often came from. Thread-safe: every call uses its own token stream and stemmer.
 */
public final class Tokens {
    /** Lucene's default English stop words (33 words: a, an, and, are, as, at, be, but, by, for, if, in, ...). */
    public static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    /** A counted word: its Porter stem and the lower-cased word it came from. */
    public record Token(String stem, String surface) {}

    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new EnglishPossessiveFilter(source);
            s = new LowerCaseFilter(s);
            s = new StopFilter(s, STOP_WORDS);
            return new TokenStreamComponents(source, s);
        }
    };

    private Tokens() {}

    /** The tokens of {@code text} in order. */
    public static List<Token> of(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        List<Token> out = new ArrayList<>();
        PorterStemmer stemmer = new PorterStemmer();
        try (TokenStream ts = ANALYZER.tokenStream("text", new StringReader(nfc))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.length() < 2 || !hasLetter(term)) {
                    continue;
                }
                String surface = term.toString();
                stemmer.setCurrent(surface);
                stemmer.stem();
                out.add(new Token(stemmer.getCurrent(), surface));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tokenize a string: " + e.getMessage(), e);
        }
        return out;
    }

    private static boolean hasLetter(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
