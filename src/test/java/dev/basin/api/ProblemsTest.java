package dev.basin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basin.geometry.ConflictException;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.UnknownIdException;
import dev.basin.navigation.TrajectoryConflictException;
import dev.basin.navigation.TrajectoryNotFoundException;
import dev.basin.store.CommitOutcomeUnknownException;
import dev.basin.store.StoreUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The status of a failure follows its type, never its wording. */
class ProblemsTest {
    private final Problems problems = new Problems(new ObjectMapper(), Duration.ofSeconds(5));

    @Test
    void eachTypeHasOneStatusAndProblemType() {
        assertThat(problems.map(new UnknownIdException("kernel_id", "krn_x")))
                .extracting(ApiProblem::status, ApiProblem::slug, ApiProblem::field, ApiProblem::problem)
                .containsExactly(404, "not-found", "kernelId", "is unknown: krn_x");
        assertThat(problems.map(new ConflictException("barrierId", "is already inactive: b")))
                .extracting(ApiProblem::status, ApiProblem::slug).containsExactly(409, "conflict");
        assertThat(problems.map(new InvalidInputException("steps", "must be ≥ 1, is 0")))
                .extracting(ApiProblem::status, ApiProblem::slug).containsExactly(422, "invalid-input");
        assertThat(problems.map(new StoreUnavailableException("down", "08006", null)))
                .extracting(ApiProblem::status, ApiProblem::slug).containsExactly(503, "database-unavailable");
        assertThat(problems.map(new CommitOutcomeUnknownException("lost", "08006", null)))
                .extracting(ApiProblem::status, ApiProblem::slug).containsExactly(503, "commit-outcome-unknown");
        assertThat(problems.map(new IllegalStateException("boom")).status()).isEqualTo(500);
    }

    @Test
    void featureSubtypesMapAsTheirBaseType() {
        ApiProblem missing = problems.map(new TrajectoryNotFoundException("trajectoryId", "is an unknown trajectory: t"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.getMessage()).isEqualTo("trajectoryId is an unknown trajectory: t");
        assertThat(problems.map(new TrajectoryConflictException("arrivedAt", "is before the last stop")).status())
                .isEqualTo(409);
    }

    /** Regression: a 422 message that happened to contain "already" or "unknown" was answered 409 or 404. */
    @Test
    void wordingDoesNotChangeTheStatus() {
        assertThat(problems.map(new InvalidInputException("name", "is already too long: 300 > 200")).status()).isEqualTo(422);
        assertThat(problems.map(new InvalidInputException("kind", "is an unknown kind: x")).status()).isEqualTo(422);
        assertThat(problems.map(new ConflictException("toolName", "clashes with a stored tool")).status()).isEqualTo(409);
    }
}
