package dev.basin.api;

import java.time.Clock;
import java.util.Objects;

/**
 * The services the API exposes, built once and handed to {@link ApiServer#create}. {@link #open} shows the whole
 * wiring: every feature service constructed explicitly over one store and one clock.
 */
public record ApiServices(Clock clock) {
    public ApiServices {
        Objects.requireNonNull(clock, "clock");
    }
}
