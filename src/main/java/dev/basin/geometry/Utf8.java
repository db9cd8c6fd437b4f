package dev.basin.geometry;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding shared by every entry point that reads bytes: malformed input is refused, never replaced. */
public final class Utf8 {
    private Utf8() {}

    /**
     * The text of {@code bytes}.
     *
     * @throws InvalidInputException naming {@code field} when the bytes are not valid UTF-8
     */
    public static String strict(byte[] bytes, String field) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(field, "is not valid UTF-8");
        }
    }
}
