package dev.basin.cli;

import picocli.CommandLine.Command;

/** {@code basin geometry <op>}: one JSON request on stdin, one JSON answer on stdout. */
@Command(name = "geometry", mixinStandardHelpOptions = true, description = "Fisher–Rao geometry operations (JSON in, JSON out).")
final class GeometryCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("geometry operations are being built");
    }
}
