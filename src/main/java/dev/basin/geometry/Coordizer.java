package dev.basin.geometry;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Text to basin, deterministically and without any model: {@value #MODEL}.
 *
 * <ol>
 *   <li>The text is put in Unicode normalisation form NFC.</li>
 *   <li>Tokens are the maximal runs of code points that are Unicode letters or digits
 *       ({@link Character#isLetterOrDigit(int)}); everything else separates tokens.</li>
 *   <li>Each token is lower-cased with {@link Locale#ROOT} and hashed with 64-bit FNV-1a over its UTF-8 bytes
 *       (offset basis 0xcbf29ce484222325, prime 0x100000001b3).</li>
 *   <li>The bin is the top 6 bits of the hash (h &gt;&gt;&gt; 58). The low bits of FNV-1a depend only on the low bits
 *       of the input bytes, so they would put e.g. "0" and "p" in the same bin.</li>
 *   <li>pᵢ = (countᵢ + α)/(n + 64α), with α = {@value #ALPHA} and n tokens. Empty text gives the uniform basin.</li>
 * </ol>
 * Nothing depends on the default locale, charset or platform, so the same text gives the same basin everywhere.
 */
public final class Coordizer {
    /** Name and version stored with every basin derived from text ({@code embedding_model}). */
    public static final String MODEL = "basin-hash-coordizer/1";
    /** Dirichlet pseudo-count per bin. */
    public static final double ALPHA = 0.5;

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;

    private Coordizer() {}

    /** The basin of {@code text}. */
    public static Basin coordize(String text) {
        if (text == null) {
            throw new InvalidInputException("text", "is missing");
        }
        double[] counts = new double[Basin.DIM];
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        int n = 0;
        int i = 0;
        while (i < nfc.length()) {
            int cp = nfc.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < nfc.length() && Character.isLetterOrDigit(nfc.codePointAt(i))) {
                i += Character.charCount(nfc.codePointAt(i));
            }
            counts[bin(nfc.substring(start, i).toLowerCase(Locale.ROOT))]++;
            n++;
        }
        double total = n + Basin.DIM * ALPHA;
        double[] p = new double[Basin.DIM];
        for (int b = 0; b < Basin.DIM; b++) {
            p[b] = (counts[b] + ALPHA) / total;
        }
        return Basin.trusted(p);
    }

    /** The bin (0..63) of an already lower-cased token. */
    public static int bin(String token) {
        return (int) (fnv1a64(token.getBytes(StandardCharsets.UTF_8)) >>> 58);
    }

    static long fnv1a64(byte[] bytes) {
        long h = FNV_OFFSET;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }
}
