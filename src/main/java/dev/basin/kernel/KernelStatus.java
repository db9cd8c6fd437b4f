package dev.basin.kernel;

import dev.basin.geometry.InvalidInputException;
import java.util.Locale;

/** Life state of a kernel. */
public enum KernelStatus {
    AWAKE, ASLEEP, RETIRED;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KernelStatus parse(String field, String v) {
        for (KernelStatus s : values()) {
            if (s.sqlName().equals(v)) {
                return s;
            }
        }
        throw new InvalidInputException(field, "must be one of awake, asleep, retired, is " + v);
    }
}
