package dev.basin.tools;

import dev.basin.knowledge.FalsePatternRow;
import java.util.Optional;

/** A recorded outcome, and the false pattern class it registered when the insight was invalidated. */
public record OutcomeResult(OutcomeRow outcome, Optional<FalsePatternRow> falsePattern) {}
