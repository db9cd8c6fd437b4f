package dev.basin.session.behaviour;

import dev.basin.geometry.Basin;

/** A place a kernel heads for: a basin, a label for thoughts (usually a chunk id) and the domain it belongs to. */
public record Target(Basin basin, String label, String domain, String chunkId) {}
