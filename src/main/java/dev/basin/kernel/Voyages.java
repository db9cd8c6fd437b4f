package dev.basin.kernel;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.navigation.MovementReason;
import dev.basin.navigation.NavigationRequest;
import dev.basin.navigation.NavigationResult;
import dev.basin.navigation.OceanAgent;
import dev.basin.navigation.StepObserver;
import dev.basin.navigation.StepSample;
import dev.basin.navigation.TrajectoryStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kernel's journeys through the ocean agent: the agent plans, safety-checks, detours and records the trajectory and
 * its waypoints; the kernel lives every step (Φ, neurotransmitters, RNG, emotions, regime log) and its row is written
 * once at the end. The step length is fixed for a voyage by κ_eff when it starts (base_step·κ_eff/κ*); κ_eff then
 * evolves with the neurotransmitters step by step, and the kernel reports it to the agent, which stores it on each
 * waypoint and paces each step by it (docs/navigation.md). A blocked voyage raises norepinephrine once more with the blocked flag set, and the kernel
 * thinks about the barrier; a completed one, about the arrival. Every row a step writes carries that step's simulated
 * time: emotions the time the step arrived, the arrival thought the last step's time, the reaction to a block and its
 * thought one step duration after the last step (the time spent at the refusal); the kernel's {@code updated_at} is
 * the voyage's end, which the caller's clock then moves to.
 */
public final class Voyages {
    /** A finished voyage: the kernel's new row, the agent's result, the emotions of the last step. */
    public record Voyage(KernelRow kernel, NavigationResult result, EmotionModel.Reading lastEmotions) {}

    private final KernelService kernels;
    private final OceanAgent ocean;

    public Voyages(KernelService kernels, OceanAgent ocean) {
        this.kernels = kernels;
        this.ocean = ocean;
    }

    /**
     * Simulated time a kernel takes for one full-length step at its starting κ_eff, by why it moves: exploring and
     * investigating 1 s, consolidating lingers (1.5 s), resting drifts (2 s). The agent scales it by the step's length
     * and the evolving κ_eff, and the result is the dwell time of the waypoint the step departs from.
     */
    static Duration stepDuration(MovementReason reason) {
        return switch (reason) {
            case EXPLORATION -> Duration.ofMillis(1000);
            case CONSOLIDATION -> Duration.ofMillis(1500);
            case INVESTIGATION -> Duration.ofMillis(1000);
            case REST -> Duration.ofMillis(2000);
        };
    }

    public Voyage navigate(String kernelId, Basin target, String targetLabel, MovementReason reason, int maxSteps) {
        return navigate(kernelId, target, targetLabel, reason, maxSteps, StepJudge.NONE);
    }

    /**
     * As {@link #navigate(String, Basin, String, MovementReason, int)}, with {@code judge} watching every step as it
     * happens: balls it raises stop the voyage at once ({@code blocked} by them).
     */
    public Voyage navigate(String kernelId, Basin target, String targetLabel, MovementReason reason, int maxSteps,
            StepJudge judge) {
        requirePresent("judge", judge);
        requirePresent("target", target);
        requirePresent("reason", reason);
        if (maxSteps < 1) {
            throw new InvalidInputException("maxSteps", "must be ≥ 1, is " + maxSteps);
        }
        KernelRow start = kernels.get(kernelId);
        if (start.state().status() != KernelStatus.AWAKE) {
            throw new InvalidInputException("kernel_id", "is " + start.state().status().sqlName() + ", not awake: "
                    + kernelId);
        }
        kernels.plan(kernelId, target, targetLabel);
        KernelState[] state = {start.state()};
        EmotionModel.Reading[] last = {null};
        List<Instant> times = new ArrayList<>();
        NavigationRequest request = new NavigationRequest(kernelId, start.state().basin(), target, reason,
                start.state().kappaEff(), kernels.config().baseStep(), maxSteps, stepDuration(reason));
        List<String> stop = new ArrayList<>();
        NavigationResult result = ocean.navigate(request, new StepObserver() {
            @Override
            public void onStep(StepSample sample) {
                state[0] = live(start, state[0], sample.basin(), sample.phi(), target, false, sample.at(), last);
                times.add(sample.at());
                stop.addAll(judge.judge(state[0], sample));
            }

            @Override
            public List<String> stopBy() {
                return stop;
            }

            @Override
            public double kappaEff() {
                return state[0].kappaEff();
            }
        });
        boolean blocked = result.status() == TrajectoryStatus.BLOCKED;
        Instant now = times.isEmpty() ? kernels.clock().instant() : times.get(times.size() - 1);
        if (blocked) {
            now = now.plus(stepDuration(reason));
            state[0] = live(start, state[0], state[0].basin(), state[0].phi(), target, true, now, last);
        }
        KernelRow row = new KernelRow(start.kernelId(), start.sessionId(), start.parentKernelId(), start.name(),
                start.generation(), state[0], start.createdAt(), now,
                KernelService.metadata(kernels.store().json(), state[0], KernelService.extra(start.metadata())));
        kernels.store().update(KernelService.stateUpdate(row));
        String label = targetLabel == null ? "target" : targetLabel;
        if (result.status() == TrajectoryStatus.COMPLETED && !times.isEmpty()) {
            // as a single advance: no arrival thought for a kernel that was already at the target (no step taken)
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("target", label);
            f.put("steps", result.steps());
            f.put("distance", FisherRao.distance(state[0].basin(), target));
            f.put("phi_before", start.state().phi());
            f.put("phi_after", state[0].phi());
            kernels.thoughtService().think(row, ThoughtEvent.ARRIVAL, result.trajectoryId(), f, now);
        } else if (blocked) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("target", label);
            f.put("barriers", String.join(", ", result.blockedIds()));
            f.put("distance", FisherRao.distance(state[0].basin(), target));
            kernels.thoughtService().think(row, ThoughtEvent.BARRIER_HIT,
                    result.blockedIds().isEmpty() ? result.trajectoryId() : result.blockedIds().get(0), f, target, now);
        }
        return new Voyage(row, result, last[0]);
    }

    /** A step of the voyage lived by {@link KernelService#live} (a blocked reaction stays in place). */
    private KernelState live(KernelRow k, KernelState s, Basin at, double phi, Basin target, boolean blocked,
            Instant time, EmotionModel.Reading[] last) {
        KernelService.Lived lived = kernels.live(k, s, at, phi, target, blocked, !blocked, time);
        last[0] = lived.observation().reading();
        return lived.state();
    }

    /** Used by tests: the samples' step lengths. */
    static List<Double> stepLengths(Basin start, List<StepSample> samples) {
        List<Double> out = new ArrayList<>();
        Basin prev = start;
        for (StepSample s : samples) {
            out.add(FisherRao.distance(prev, s.basin()));
            prev = s.basin();
        }
        return out;
    }
}
