package dev.basin.rag;

import dev.basin.geometry.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Deterministic chunking of a document's text (the rules, as documented in {@code docs/rag.md}):
 *
 * <ol>
 *   <li>Line endings {@code \r\n} and {@code \r} become {@code \n}.</li>
 *   <li>Pieces: maximal runs of non-blank lines; a blank line (only whitespace) ends a piece, and a Markdown heading
 *       line ({@code #}…{@code ######} followed by a space) always starts a new one.</li>
 *   <li>A piece longer than {@code maxChars} is cut into parts of at most {@code maxChars}: at the last sentence end
 *       ({@code .!?} followed by whitespace) within the limit, else at the last whitespace, else hard at the limit
 *       (never between the two halves of a surrogate pair).</li>
 *   <li>Merging, in order: the next piece is appended to the current chunk (joined by a blank line) while the current
 *       chunk is shorter than {@code minChars} and the result stays within {@code maxChars}.</li>
 *   <li>Every chunk is trimmed; lengths count UTF-16 code units.</li>
 * </ol>
 *
 * The same text and limits always give the same chunks.
 */
public final class Chunker {
    /** Default longest chunk, in characters. */
    public static final int DEFAULT_MAX_CHARS = 1000;
    /** Default length below which a chunk absorbs the next piece. */
    public static final int DEFAULT_MIN_CHARS = 200;

    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+\\S.*$");

    /** One chunk: its text and the nearest heading at or above its start (empty if none). */
    public record Chunk(int ordinal, String text, String heading) {}

    private final int maxChars;
    private final int minChars;

    public Chunker(int maxChars, int minChars) {
        if (maxChars < 16) {
            throw new InvalidInputException("maxChars", "must be ≥ 16, is " + maxChars);
        }
        if (minChars < 0 || minChars > maxChars) {
            throw new InvalidInputException("minChars", "must be in [0, maxChars=" + maxChars + "], is " + minChars);
        }
        this.maxChars = maxChars;
        this.minChars = minChars;
    }

    public static Chunker defaults() {
        return new Chunker(DEFAULT_MAX_CHARS, DEFAULT_MIN_CHARS);
    }

    public int maxChars() {
        return maxChars;
    }

    public int minChars() {
        return minChars;
    }

    /** The chunks of {@code text}, in order; empty when the text is blank. */
    public List<Chunk> chunk(String text) {
        List<String[]> pieces = new ArrayList<>(); // {text, heading}
        String heading = "";
        StringBuilder cur = new StringBuilder();
        String curHeading = "";
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            boolean blank = line.isBlank();
            boolean isHeading = !blank && HEADING.matcher(line).matches();
            if ((blank || isHeading) && !cur.isEmpty()) {
                addPiece(pieces, cur.toString(), curHeading);
                cur.setLength(0);
            }
            if (isHeading) {
                heading = line.strip().replaceFirst("^#+\\s+", "");
            }
            if (!blank) {
                if (cur.isEmpty()) {
                    curHeading = heading;
                } else {
                    cur.append('\n');
                }
                cur.append(line.stripTrailing());
            }
        }
        if (!cur.isEmpty()) {
            addPiece(pieces, cur.toString(), curHeading);
        }
        return merge(pieces);
    }

    private void addPiece(List<String[]> pieces, String piece, String heading) {
        String rest = piece.strip();
        while (rest.length() > maxChars) {
            int cut = cutPoint(rest);
            pieces.add(new String[] {rest.substring(0, cut).strip(), heading});
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            pieces.add(new String[] {rest, heading});
        }
    }

    private int cutPoint(String s) {
        int sentence = -1;
        int space = -1;
        for (int i = 1; i < maxChars; i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                space = i;
                char prev = s.charAt(i - 1);
                if (prev == '.' || prev == '!' || prev == '?') {
                    sentence = i;
                }
            }
        }
        int cut = sentence > 0 ? sentence : space > 0 ? space : maxChars;
        if (cut == maxChars && Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return cut;
    }

    private List<Chunk> merge(List<String[]> pieces) {
        List<Chunk> out = new ArrayList<>();
        StringBuilder cur = null;
        String curHeading = "";
        for (String[] p : pieces) {
            if (cur != null && cur.length() < minChars && cur.length() + 2 + p[0].length() <= maxChars) {
                cur.append("\n\n").append(p[0]);
                continue;
            }
            if (cur != null) {
                out.add(new Chunk(out.size(), cur.toString(), curHeading));
            }
            cur = new StringBuilder(p[0]);
            curHeading = p[1];
        }
        if (cur != null) {
            out.add(new Chunk(out.size(), cur.toString(), curHeading));
        }
        return out;
    }
}
