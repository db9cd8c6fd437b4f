package dev.basin.store;

import java.security.SecureRandom;

/** Row ids: a table prefix followed by 20 random lower-case hex characters (80 bits from {@link SecureRandom}). */
public final class Ids {
    /** Number of random hex characters after the prefix. */
    public static final int RANDOM_HEX = 20;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {}

    /** A new id such as {@code gp_3f9a0c1d2e4b5a6f7081}. {@code prefix} must be lower-case letters, digits, {@code _}. */
    public static String next(String prefix) {
        if (!validPrefix(prefix)) {
            throw new IllegalArgumentException("id prefix must be lower-case letters, digits and _: " + prefix);
        }
        byte[] b = new byte[RANDOM_HEX / 2];
        RANDOM.nextBytes(b);
        char[] out = new char[prefix.length() + RANDOM_HEX];
        prefix.getChars(0, prefix.length(), out, 0);
        int o = prefix.length();
        for (byte x : b) {
            out[o++] = HEX[(x >> 4) & 0xF];
            out[o++] = HEX[x & 0xF];
        }
        return new String(out);
    }

    /** Lower-case letters, digits and {@code _} only (checked per character: a regex would be compiled per id). */
    private static boolean validPrefix(String prefix) {
        if (prefix == null) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
