package dev.basin.rag;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Checks a document before anything is written: a plain file name, a domain, and non-empty valid UTF-8 text within
 * the size limit. Every rejection is an {@link InvalidInputException} naming the field and the problem.
 */
public final class DocumentRules {
    static final int MAX_FILENAME = 255;
    static final int MAX_DOMAIN = 200;

    private DocumentRules() {}

    /** A file name without directories: 1..255 chars, no {@code /}, {@code \}, {@code ..}, or control characters. */
    static String filename(String filename) {
        if (filename == null || filename.isBlank()) {
            throw new InvalidInputException("filename", "must not be blank");
        }
        if (filename.length() > MAX_FILENAME) {
            throw new InvalidInputException("filename", "must be at most " + MAX_FILENAME + " characters, has " + filename.length());
        }
        if (filename.contains("..")) {
            throw new InvalidInputException("filename", "must not contain '..': " + printable(filename));
        }
        if (filename.indexOf('/') >= 0 || filename.indexOf('\\') >= 0) {
            throw new InvalidInputException("filename", "must not contain a path separator: " + printable(filename));
        }
        noControl("filename", filename);
        return filename;
    }

    /** A domain label: 1..200 chars, not blank, no control characters (documents, pattern members, resonance). */
    public static String domain(String domain) {
        if (domain == null || domain.isBlank()) {
            throw new InvalidInputException("domain", "must not be blank");
        }
        if (domain.length() > MAX_DOMAIN) {
            throw new InvalidInputException("domain", "must be at most " + MAX_DOMAIN + " characters, has " + domain.length());
        }
        noControl("domain", domain);
        return domain;
    }

    /** A path to read: no {@code ..} segment anywhere in it. */
    static Path path(Path path) {
        requirePresent("path", path);
        for (Path part : path) {
            if (part.toString().equals("..")) {
                throw new InvalidInputException("path", "must not contain '..': " + printable(path.toString()));
            }
        }
        if (path.getFileName() == null) {
            throw new InvalidInputException("path", "names no file: " + printable(path.toString()));
        }
        return path;
    }

    /** The text of {@code content}: non-empty, within {@code maxBytes}, strict UTF-8, not binary, not blank. */
    static String text(byte[] content, long maxBytes) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("content", "is empty");
        }
        if (content.length > maxBytes) {
            throw new InvalidInputException("content", "is " + content.length + " bytes, over the limit of " + maxBytes);
        }
        for (int i = 0; i < content.length; i++) {
            if (content[i] == 0) {
                throw new InvalidInputException("content", "is binary: NUL byte at offset " + i);
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        String text;
        try {
            text = utf8.decode(in).toString();
        } catch (MalformedInputException e) {
            throw new InvalidInputException("content", "is not valid UTF-8 text: malformed byte sequence at offset " + in.position());
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("content", "is not valid UTF-8 text: " + e.getMessage());
        }
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        if (control * 100L > text.length()) {
            throw new InvalidInputException("content", "is binary: " + control + " control characters in " + text.length());
        }
        if (text.isBlank()) {
            throw new InvalidInputException("content", "has no text (only whitespace)");
        }
        return text;
    }

    private static void noControl(String field, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                throw new InvalidInputException(field, "must not contain control characters (at index " + i + ")");
            }
        }
    }

    private static String printable(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
