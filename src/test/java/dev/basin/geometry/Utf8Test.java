package dev.basin.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {
    @Test
    void decodesValidText() {
        assertEquals("Fisher–Rao", Utf8.strict("Fisher–Rao".getBytes(StandardCharsets.UTF_8), "body"));
    }

    @Test
    void refusesMalformedBytesNamingTheField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Utf8.strict(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, "request"));
        assertEquals("request", e.field());
        assertEquals("is not valid UTF-8", e.problem());
    }
}
