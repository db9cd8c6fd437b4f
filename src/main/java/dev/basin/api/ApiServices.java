package dev.basin.api;

import dev.basin.store.Store;
import java.time.Clock;
import java.util.Objects;

/**
 * The services the API exposes, built once and handed to {@link ApiServer#create}. {@link #open} shows the whole
 * wiring: every feature service constructed explicitly over one store and one clock.
 */
public record ApiServices(Store store, Clock clock) {
    public ApiServices {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
    }

    /** Every feature service over {@code store}, reading time from {@code clock}. */
    public static ApiServices open(Store store, Clock clock) {
        return new ApiServices(store, clock);
    }
}
