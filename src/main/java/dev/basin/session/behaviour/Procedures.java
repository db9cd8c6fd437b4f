package dev.basin.session.behaviour;

import dev.basin.tools.Operation;
import dev.basin.tools.Procedure;

/**
 * What a kernel computes in its units of work, as procedures of the tools interpreter's operations (carried out
 * through the workbench, so that what the kernel repeats with success becomes a tool and known tools are used):
 *
 * <ul>
 *   <li>{@link #APPROACH} (exploring): the point at the chosen fraction τ of the geodesic from here to the chunk it
 *       found, the route's length and the Φ expected there;</li>
 *   <li>{@link #ROUTE} (resting, retrying, investigating): the route's length to a given target and the Φ expected
 *       there;</li>
 *   <li>{@link #ARRIVAL} (after every movement): how far the target still is, how far the kernel moved, and the Φ
 *       and regime it ended in (what the rules after a movement read: the episode's Φ change, time travel);</li>
 *   <li>{@link #BRIDGE} (resonance): the geodesic midpoint of two kernels' basins, its Φ and the span between them.</li>
 * </ul>
 */
public final class Procedures {
    public static final Procedure APPROACH = Procedure.begin()
            .step("target", Operation.POINT_AT, "from", "here", "to", "chunk", "tau", "tau")
            .step("route", Operation.DISTANCE, "p", "here", "q", "target")
            .step("expected_phi", Operation.PHI, "basin", "target").build();

    public static final Procedure ROUTE = Procedure.begin()
            .step("route", Operation.DISTANCE, "p", "here", "q", "target")
            .step("expected_phi", Operation.PHI, "basin", "target").build();

    public static final Procedure ARRIVAL = Procedure.begin()
            .step("remaining", Operation.DISTANCE, "p", "end", "q", "target")
            .step("moved", Operation.DISTANCE, "p", "here", "q", "end")
            .step("phi_end", Operation.PHI, "basin", "end")
            .step("regime_end", Operation.REGIME, "kappa_eff", "kappa_end").build();

    public static final Procedure BRIDGE = Procedure.begin()
            .step("bridge", Operation.GEODESIC_MIDPOINT, "p", "a", "q", "b")
            .step("bridge_phi", Operation.PHI, "basin", "bridge")
            .step("span", Operation.DISTANCE, "p", "a", "q", "b").build();

    private Procedures() {}
}
