package dev.basin.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CoordizerTest {
    /** Published FNV-1a 64 test vectors. */
    @Test
    void hashIsFnv1a64() {
        assertThat(Coordizer.fnv1a64(new byte[0])).isEqualTo(0xcbf29ce484222325L);
        assertThat(Coordizer.fnv1a64("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(Coordizer.fnv1a64("foobar".getBytes(StandardCharsets.UTF_8))).isEqualTo(0x85944171f73967e8L);
    }

    @Test
    void binIsTheTopSixBitsOfTheHash() {
        assertThat(Coordizer.bin("a")).isEqualTo(0xaf >>> 2); // 0xaf63… → top 6 bits 101011
        assertThat(Coordizer.bin("foobar")).isEqualTo(0x85 >>> 2);
        assertThat(Coordizer.bin("the")).isEqualTo(independentBin("the"));
    }

    @Test
    void goldenBasinMatchesAnIndependentComputation() {
        String text = "The quick brown fox — the LAZY dog, 42 times! ÉCOLE école";
        String[] tokens = {"the", "quick", "brown", "fox", "the", "lazy", "dog", "42", "times", "école", "école"};
        double[] expected = new double[Basin.DIM];
        for (String t : tokens) {
            expected[independentBin(t)] += 1;
        }
        for (int i = 0; i < Basin.DIM; i++) {
            expected[i] = (expected[i] + 0.5) / (tokens.length + 32.0);
        }
        assertThat(Coordizer.coordize(text).toArray()).containsExactly(expected);
        assertThat(Coordizer.MODEL).isEqualTo("basin-hash-coordizer/1");
    }

    @Test
    void sameTextSameBasinAndNormalisationFormDoesNotMatter() {
        assertThat(Coordizer.coordize("école")).isEqualTo(Coordizer.coordize("e\u0301cole"));
        assertThat(Coordizer.coordize("Hello, World")).isEqualTo(Coordizer.coordize("hello world"));
        assertThat(Coordizer.coordize("Hello, World")).isEqualTo(Coordizer.coordize("Hello, World"));
        assertThat(Coordizer.coordize("")).isEqualTo(Basin.uniform());
        assertThat(Coordizer.coordize("... !!! ---")).isEqualTo(Basin.uniform());
        // Locale.ROOT: the dotted capital I lower-cases the same way everywhere
        assertThat(Coordizer.coordize("TITLE")).isEqualTo(Coordizer.coordize("title"));
    }

    @Test
    void rejectsMissingText() {
        assertThatThrownBy(() -> Coordizer.coordize(null)).hasMessage("text is missing");
    }

    /** FNV-1a 64 written with BigInteger arithmetic mod 2⁶⁴, independent of the production code. */
    private static int independentBin(String token) {
        BigInteger mod = BigInteger.ONE.shiftLeft(64);
        BigInteger h = new BigInteger("cbf29ce484222325", 16);
        BigInteger prime = new BigInteger("100000001b3", 16);
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            h = h.xor(BigInteger.valueOf(b & 0xff)).multiply(prime).mod(mod);
        }
        return h.shiftRight(58).intValue();
    }
}
