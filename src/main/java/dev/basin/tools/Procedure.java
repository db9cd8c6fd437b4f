package dev.basin.tools;

import dev.basin.geometry.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a kernel is about to compute: a short sequence of known operations, each binding its result to a name, with
 * arguments that name values the kernel holds (bound in its {@link WorkTrace}) or results of earlier steps. A
 * {@link Workbench} carries it out, step by step through the interpreter's operations or, for a stretch that matches a
 * tool the kernel knows, through that tool.
 */
public record Procedure(List<Planned> steps) {
    /** One planned step: {@code as = op(param = name, …)}. */
    public record Planned(String as, Operation op, Map<String, String> args) {
        public Planned {
            if (as == null || !as.matches("[a-z][a-z0-9_]{0,62}") || as.equals("input")) {
                throw new InvalidInputException("as", "must match [a-z][a-z0-9_]* and not be input, is " + as);
            }
            args = Map.copyOf(args);
            if (!args.keySet().equals(op.params().keySet())) {
                throw new InvalidInputException(as + ".args", "must be exactly " + op.params().keySet() + " for "
                        + op.opName() + ", are " + args.keySet());
            }
        }
    }

    public Procedure {
        if (steps == null || steps.isEmpty()) {
            throw new InvalidInputException("steps", "must not be empty");
        }
        steps = List.copyOf(steps);
    }

    /** A procedure built step by step: {@code Procedure.begin().step("d", DISTANCE, "p", "here", "q", "there")…}. */
    public static Builder begin() {
        return new Builder();
    }

    /** Collects planned steps. */
    public static final class Builder {
        private final List<Planned> steps = new ArrayList<>();

        /** Adds {@code as = op(name₁ = value₁, …)}; {@code paramsAndNames} alternates parameter and bound name. */
        public Builder step(String as, Operation op, String... paramsAndNames) {
            if (paramsAndNames.length % 2 != 0) {
                throw new InvalidInputException(as + ".args", "must alternate parameter and name");
            }
            Map<String, String> args = new LinkedHashMap<>();
            for (int i = 0; i < paramsAndNames.length; i += 2) {
                args.put(paramsAndNames[i], paramsAndNames[i + 1]);
            }
            steps.add(new Planned(as, op, args));
            return this;
        }

        public Procedure build() {
            return new Procedure(steps);
        }
    }
}
