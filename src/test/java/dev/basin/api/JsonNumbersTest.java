package dev.basin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The API mapper reads every number to the same double as {@link Double#parseDouble}, bit for bit. */
class JsonNumbersTest {
    @Test
    void fastParserReadsTheSameDoublesAsTheJdk() throws Exception {
        ObjectMapper mapper = Json.mapper();
        SplittableRandom rnd = new SplittableRandom(16);
        StringBuilder json = new StringBuilder("[");
        String[] texts = new String[20_000];
        for (int i = 0; i < texts.length; i++) {
            double v = switch (i % 4) {
                case 0 -> rnd.nextDouble();                                   // shortest round-trip decimals, as clients send
                case 1 -> Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL); // any finite magnitude
                case 2 -> rnd.nextDouble() * 1e-300;                          // subnormal range
                default -> rnd.nextDouble() / 64.0;                           // basin coordinates
            };
            // also decimals that are not shortest forms: 20 significant digits, halfway-prone
            texts[i] = i % 8 == 7 ? String.format(java.util.Locale.ROOT, "%.19e", v) : Double.toString(v);
            json.append(i == 0 ? "" : ",").append(texts[i]);
        }
        JsonNode parsed = mapper.readTree(json.append(']').toString());
        for (int i = 0; i < texts.length; i++) {
            assertThat(Double.doubleToRawLongBits(parsed.get(i).doubleValue()))
                    .as(texts[i]).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(texts[i])));
        }
    }
}
