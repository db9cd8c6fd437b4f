package dev.basin.navigation;

import dev.basin.geometry.Basin;
import dev.basin.geometry.Regime;
import java.time.Instant;

/** A landmark of a kernel's life: a checkpoint with its basin, time and regime. */
public record Landmark(String checkpointId, Basin basin, Instant time, Regime regime) {}
