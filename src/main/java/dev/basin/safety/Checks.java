package dev.basin.safety;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.InvalidInputException;

/** Argument checks shared by the services of this package; messages name the field and the rule. */
final class Checks {
    static final int MAX_TEXT = 2000;

    private Checks() {}

    static String text(String field, String value) {
        requirePresent(field, value);
        if (value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "must be at most " + MAX_TEXT + " characters, has " + value.length());
        }
        return value;
    }

    static void radius(String field, double r) {
        if (!(r > 0.0 && r <= Math.PI)) {
            throw new InvalidInputException(field, "must be in (0, π], is " + r);
        }
    }

    static void unit(String field, double v) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new InvalidInputException(field, "must be in [0, 1], is " + v);
        }
    }
}
