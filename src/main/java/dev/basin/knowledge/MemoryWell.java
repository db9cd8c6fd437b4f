package dev.basin.knowledge;

import dev.basin.geometry.Basin;

/** A well of the kernel's learned potential: a remembered basin and its weight (the fragment's importance). */
public record MemoryWell(String fragmentId, Basin basin, double weight) {}
