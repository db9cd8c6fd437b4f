package dev.basin.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basin.geometry.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {
    @Test
    void splitsAtHeadingsAndBlankLinesAndMergesShortPieces() {
        Chunker c = new Chunker(60, 30);
        String text = "# Title\nIntro line one.\n\nShort.\n\nA paragraph that is long enough to stand alone here.\n"
                + "# Second\nBody of the second section.";
        List<Chunker.Chunk> chunks = c.chunk(text);
        assertThat(chunks).extracting(Chunker.Chunk::text).containsExactly(
                "# Title\nIntro line one.\n\nShort.",
                "A paragraph that is long enough to stand alone here.",
                "# Second\nBody of the second section.");
        assertThat(chunks).extracting(Chunker.Chunk::heading).containsExactly("Title", "Title", "Second");
        assertThat(chunks).extracting(Chunker.Chunk::ordinal).containsExactly(0, 1, 2);
    }

    @Test
    void longPiecesAreCutAtSentenceEndsWithinTheLimit() {
        Chunker c = new Chunker(40, 0);
        String text = "One two three four. Five six seven eight. Nine ten eleven twelve thirteen.";
        List<Chunker.Chunk> chunks = c.chunk(text);
        assertThat(chunks).allSatisfy(k -> assertThat(k.text().length()).isLessThanOrEqualTo(40));
        assertThat(chunks.get(0).text()).isEqualTo("One two three four.");
        assertThat(String.join(" ", chunks.stream().map(Chunker.Chunk::text).toList()).replaceAll("\\s+", " "))
                .isEqualTo(text);
    }

    @Test
    void sentenceCutPreferredOverWordCut() {
        Chunker c = new Chunker(30, 0);
        List<Chunker.Chunk> chunks = c.chunk("Alpha beta. Gamma delta epsilon zeta eta theta iota");
        assertThat(chunks.get(0).text()).isEqualTo("Alpha beta.");
    }

    @Test
    void hardCutWhenThereIsNoWhitespace() {
        Chunker c = new Chunker(16, 0);
        List<Chunker.Chunk> chunks = c.chunk("x".repeat(40));
        assertThat(chunks).extracting(k -> k.text().length()).containsExactly(16, 16, 8);
    }

    @Test
    void deterministicAndLineEndingInsensitive() {
        String unix = "# A\n\npara one\n\npara two\n";
        assertThat(Chunker.defaults().chunk(unix)).isEqualTo(Chunker.defaults().chunk(unix));
        assertThat(Chunker.defaults().chunk(unix.replace("\n", "\r\n"))).isEqualTo(Chunker.defaults().chunk(unix));
    }

    @Test
    void blankTextHasNoChunks() {
        assertThat(Chunker.defaults().chunk(" \n\n\t\n")).isEmpty();
    }

    @Test
    void rejectsBadLimits() {
        assertThatThrownBy(() -> new Chunker(8, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("maxChars must be ≥ 16, is 8");
        assertThatThrownBy(() -> new Chunker(100, 101)).isInstanceOf(InvalidInputException.class)
                .hasMessage("minChars must be in [0, maxChars=100], is 101");
    }
}
