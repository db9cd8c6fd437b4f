package dev.basin.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Regime;
import java.time.Instant;

/** One row of {@code kernel_checkpoints}; {@code sequence} numbers a kernel's checkpoints 1, 2, 3, … */
public record CheckpointRow(String checkpointId, String kernelId, long sequence, CheckpointType type, Basin basin,
        double phi, double kappaEff, Regime regime, JsonNode stateBlob, String parentCheckpointId, int sizeBytes,
        Instant createdAt, JsonNode metadata) {}
