package dev.basin.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.BasinEngine;
import dev.basin.EngineConfig;
import dev.basin.attractors.FinderConfig;
import dev.basin.kernel.SpawnConfig;
import dev.basin.knowledge.DetectionMethod;
import dev.basin.knowledge.FalsePatternDraft;
import dev.basin.safety.EthicsThresholds;
import dev.basin.store.StoreConfig;
import dev.basin.attractors.DiscoveryMethod;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.kernel.CheckpointType;
import dev.basin.kernel.KernelRow;
import dev.basin.kernel.Neurotransmitters;
import dev.basin.runs.SessionStatus;
import dev.basin.rag.Document;
import dev.basin.rag.DocumentService;
import dev.basin.rag.IndexedChunk;
import dev.basin.rag.IngestResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * The main job: one session in which kernels live over a document corpus (docs/session.md tells the story). It
 * ingests the corpus, wakes the root kernels at seeded basins, declares the session's era exclusions, then runs the
 * cycles: every kernel makes one movement per cycle, finds attractors, sleeps, spawns; kernels in different domains
 * resonate into insights. Every random choice comes from one {@link SplittableRandom} seeded with the session seed,
 * every domain time from the {@link SimClock}: the same seed on an empty database gives the same content.
 */
public final class SessionRunner {
    /** Told about progress, on the session's thread. */
    public interface Listener {
        Listener NONE = new Listener() {
            @Override
            public void started(String sessionId, int cycles) {}

            @Override
            public void cycleDone(int cycle, int cycles, String line) {}
        };

        void started(String sessionId, int cycles);

        void cycleDone(int cycle, int cycles, String line);
    }

    /** Thrown on the session's thread when the run was cancelled (Ctrl-C); the session is then marked failed. */
    public static final class CancelledException extends RuntimeException {
        CancelledException() {
            super("the session was interrupted");
        }
    }

    /**
     * The ethics thresholds of a session, scaled to the Φ of the corpus (chunk Φ stays below about 0.25): the
     * defaults' window and curvature, Φ variance 0.0005, a collapse of 40% below a recent mean Φ of at least 0.02,
     * suffering at stress 0.45 while Φ is above 0.1 for 3 samples, radii 0.04 to 0.3.
     */
    static final EthicsThresholds ETHICS = EthicsThresholds.builder().phiVariance(0.0005).collapseFraction(0.4)
            .minMeanPhi(0.02).stress(0.45).highPhi(0.1).sustain(3).minRadius(0.04).maxRadius(0.3).build();

    /** Simulated time between two events of a kernel (a query, a fragment, a thought). */
    static final Duration EVENT = Duration.ofMillis(250);
    /** The base of κ per root kernel: κ_eff then sits at a regime boundary (40, 70, 100), so moods cross it. */
    static final double[] KAPPAS = {39.3, 68.8, 98.3};

    private final BasinEngine engine;
    private final SimClock clock;
    private final SessionConfig config;
    private final Listener listener;
    private final BooleanSupplier cancelled;
    private final SplittableRandom rng;
    private final Tally tally = new Tally();
    private final List<KernelLife> lives = new ArrayList<>();
    private final List<IndexedChunk> chunks = new ArrayList<>();
    private final List<String> domains = new ArrayList<>();
    private final java.util.Map<String, Crew> crews = new java.util.HashMap<>();
    private KernelActions actions;
    private LifeCycle life;
    private Resonance resonance;
    private String sessionId;

    public SessionRunner(BasinEngine engine, SimClock clock, SessionConfig config, Listener listener,
            BooleanSupplier cancelled) {
        if (engine.clock() != clock) {
            throw new IllegalArgumentException("the engine must run on the session's simulated clock");
        }
        this.engine = engine;
        this.clock = clock;
        this.config = config;
        this.listener = listener == null ? Listener.NONE : listener;
        this.cancelled = cancelled == null ? () -> false : cancelled;
        this.rng = new SplittableRandom(config.seed());
    }

    /**
     * The engine configuration of a session: the simulated clock, an attractor finder with 200 Monte Carlo volume
     * samples, and a spawn cap of twice the roots (children of the first generation may spawn).
     */
    public static EngineConfig engineConfig(StoreConfig store, SimClock clock, SessionConfig config) {
        return EngineConfig.of(store).withClock(clock).withFinder(FinderConfig.defaults().withVolumeSamples(200))
                .withSpawn(new SpawnConfig(2, 0.05, 2 * config.kernels(), 2)).withEthics(ETHICS);
    }

    /** The session id once started (null before). */
    public String sessionId() {
        return sessionId;
    }

    /**
     * Runs the whole session and marks it completed. On any failure (or cancellation) the session is marked failed
     * before the exception propagates; what was committed stays.
     */
    public SessionSummary run() {
        long t0 = System.nanoTime();
        sessionId = engine.sessions().start(config.seed(), configJson()).sessionId();
        listener.started(sessionId, config.cycles());
        try {
            setUp();
            for (int c = 1; c <= config.cycles(); c++) {
                checkCancelled();
                cycle(c);
                listener.cycleDone(c, config.cycles(), progressLine(c));
            }
            finishKernels();
            engine.sessions().finish(sessionId, SessionStatus.COMPLETED,
                    java.util.Map.of("kernels", engine.kernels().countInSession(sessionId)));
        } catch (RuntimeException | Error e) {
            markFailed(e);
            throw e;
        }
        return tally.freeze(sessionId, config.seed(), config.cycles(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** The counts so far. */
    public SessionSummary summarySoFar() {
        return tally.freeze(sessionId, config.seed(), config.cycles(), 0);
    }

    private void markFailed(Throwable cause) {
        try {
            engine.sessions().finish(sessionId, SessionStatus.FAILED,
                    java.util.Map.of("kernels", engine.kernels().countInSession(sessionId)));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private ObjectNode configJson() {
        ObjectNode c = engine.store().json().createObjectNode();
        c.put("kernels", config.kernels()).put("cycles", config.cycles()).put("seed", config.seed())
                .put("corpus", config.corpus() == null ? "shipped" : config.corpus().toString())
                .put("simulated_start", clock.instant().toString()).put("step_seconds", KernelActions.STEP.toSeconds());
        return c;
    }

    void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancelledException();
        }
    }

    private void setUp() {
        DocumentService documents = engine.documents();
        for (Document d : Corpus.load(documents, config.corpus())) {
            IngestResult r = documents.ingest(d.filename(), d.domain(), d.content());
            clock.advance(EVENT);
            if (r.inserted()) {
                tally.documentsIngested++;
            }
        }
        List<IndexedChunk> all = new ArrayList<>(documents.indexedChunks());
        all.sort((a, b) -> a.domain().equals(b.domain()) ? Integer.compare(a.ordinal(), b.ordinal())
                : a.domain().compareTo(b.domain()));
        chunks.addAll(all);
        domains.addAll(new TreeSet<>(all.stream().map(IndexedChunk::domain).toList()));
        actions = new KernelActions(engine, clock, tally, chunks, domains, this::checkCancelled);
        life = new LifeCycle(engine, clock, tally, chunks, domains, this::checkCancelled);
        resonance = new Resonance(engine, clock, tally, chunks, domains, this::checkCancelled, actions);
        engine.crossPatterns().discover(documents, List.of());
        clock.advance(EVENT);
        for (int i = 0; i < config.kernels(); i++) {
            wakeRoot(i);
        }
        declareEras();
        declareFalseFriend();
    }

    /**
     * The operator's known false friend: the closest pair of chunks from different domains share words, not meaning;
     * their geodesic midpoint is registered as a manual false pattern class, so resonance there is not pursued.
     */
    private void declareFalseFriend() {
        IndexedChunk bestA = null;
        IndexedChunk bestB = null;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < chunks.size(); i++) {
            for (int j = i + 1; j < chunks.size(); j++) {
                IndexedChunk a = chunks.get(i);
                IndexedChunk b = chunks.get(j);
                double d = FisherRao.distance(a.basin(), b.basin());
                if (!a.domain().equals(b.domain()) && d < best) {
                    best = d;
                    bestA = a;
                    bestB = b;
                }
            }
        }
        if (bestA == null) {
            return;
        }
        com.fasterxml.jackson.databind.node.ArrayNode examples = engine.store().json().createArrayNode();
        examples.addObject().put("chunk_a", bestA.chunkId()).put("domain_a", bestA.domain())
                .put("chunk_b", bestB.chunkId()).put("domain_b", bestB.domain()).put("distance", best);
        clock.advance(EVENT);
        engine.falsePatterns().register(new FalsePatternDraft("Known false friend: " + bestA.domain() + " chunk "
                + bestA.ordinal() + " and " + bestB.domain() + " chunk " + bestB.ordinal(),
                String.format(Locale.ROOT, "declared by the session's operator: the two chunks lie %.4f apart because "
                        + "they share words, not meaning", best), DetectionMethod.MANUAL,
                FisherRao.pointAt(bestA.basin(), bestB.basin(), 0.5), Math.max(0.02, best / 4.0), examples));
        tally.falsePatterns++;
    }

    /** A root kernel wakes between its home chunk and a random point (Dirichlet(1)), with κ near a regime boundary. */
    private void wakeRoot(int i) {
        String domain = domains.get(i % domains.size());
        List<IndexedChunk> home = chunks.stream().filter(c -> c.domain().equals(domain)).toList();
        IndexedChunk anchor = home.get(rng.nextInt(home.size()));
        Basin wake = FisherRao.pointAt(anchor.basin(), dirichlet(rng), 0.3 + 0.3 * rng.nextDouble());
        double kappa = KAPPAS[i % KAPPAS.length] + (rng.nextDouble() - 0.5);
        Neurotransmitters nt = new Neurotransmitters(level(), level(), level(), level(), level());
        String name = String.format(Locale.ROOT, "root-%d-%s", i + 1, domain);
        KernelRow k = engine.kernels().createRoot(sessionId, name, wake, kappa, nt, rng.nextLong());
        KernelLife life = new KernelLife(k.kernelId(), name, domain, 0, rng.split(), i);
        life.home = anchor;
        lives.add(life);
        tally.rootKernels++;
        clock.advance(EVENT);
        engine.checkpoints().save(k.kernelId(), CheckpointType.REGULAR);
        tally.checkpoints++;
    }

    private double level() {
        return 0.3 + 0.4 * rng.nextDouble();
    }

    /** A Dirichlet(1) sample: normalized standard exponentials. */
    static Basin dirichlet(SplittableRandom r) {
        double[] w = new double[Basin.DIM];
        for (int i = 0; i < w.length; i++) {
            w[i] = -Math.log(1.0 - r.nextDouble());
        }
        return Basin.normalize(w);
    }

    /**
     * The session's declared era exclusions: a maintenance window over the home chunk of the last root kernel for
     * the first third of the session (kernels resting there meanwhile are refused), and an unstable period over a
     * chunk of another domain.
     */
    private void declareEras() {
        Instant now = clock.instant();
        KernelLife last = lives.get(lives.size() - 1);
        Duration third = KernelActions.CYCLE_SPAN.multipliedBy(Math.max(1, config.cycles() / 3));
        ObjectNode m1 = engine.store().json().createObjectNode().put("kind", "maintenance").put("chunk_id",
                last.home.chunkId()).put("domain", last.home.domain());
        engine.safety().createEraExclusion(now, now.plus(third), last.home.basin(), 0.08 + 0.04 * rng.nextDouble(),
                "maintenance window over chunk " + last.home.chunkId() + " of " + last.home.domain()
                        + ": the region is being re-indexed", m1);
        tally.eraExclusions++;
        IndexedChunk other = chunks.get(rng.nextInt(chunks.size()));
        Instant from = now.plus(KernelActions.CYCLE_SPAN);
        ObjectNode m2 = engine.store().json().createObjectNode().put("kind", "unstable_period").put("chunk_id",
                other.chunkId()).put("domain", other.domain());
        clock.advance(EVENT);
        engine.safety().createEraExclusion(from, from.plus(KernelActions.CYCLE_SPAN.multipliedBy(3).plusSeconds(17)),
                other.basin(),
                0.15 + 0.05 * rng.nextDouble(), "unstable period around chunk " + other.chunkId() + " of "
                        + other.domain() + ": Φ readings there disagree", m2);
        tally.eraExclusions++;
        IndexedChunk quiet = chunks.get(rng.nextInt(chunks.size()));
        clock.advance(EVENT);
        Instant dusk = now.plus(KernelActions.CYCLE_SPAN.multipliedBy(config.cycles() / 2 + 1));
        ObjectNode m3 = engine.store().json().createObjectNode().put("kind", "quiet_hours").put("chunk_id",
                quiet.chunkId()).put("domain", quiet.domain());
        engine.safety().createEraExclusion(dusk, dusk.plus(Duration.ofDays(1)), quiet.basin(),
                0.05 + 0.03 * rng.nextDouble(), "quiet hours around chunk " + quiet.chunkId() + " of " + quiet.domain()
                        + " from the second half of the session on", m3);
        tally.eraExclusions++;
    }

    /** The scenario's unstable periods: on the route of the first kernel in cycle 2, of the second in the middle. */
    private boolean unstableRoute(KernelLife k, int c) {
        int idx = lives.indexOf(k);
        return (c == 2 && idx == 0) || (c == Math.max(3, config.cycles() / 2) && idx == 1);
    }

    /**
     * One cycle. Each living kernel first chooses where to go, one after another on the session's thread (queries,
     * tools and the other kernels' positions are shared). Then the kernels live concurrently, a virtual thread each,
     * every one on its own simulated clock lane starting at the same time: the movement, the attractor search, sleep
     * and checkpoint touch only the kernel's own rows, and the store's group commit shares the fsyncs of their units of
     * work. Then, kernel after kernel again, what crosses kernels: the tool miner's observations, the cross patterns
     * after a sleep, spawning; then resonance and housekeeping. The same seed thus gives the same content however the
     * threads interleave.
     */
    private void cycle(int c) {
        List<KernelLife> living = List.copyOf(lives);
        List<KernelActions.Move> moves = new ArrayList<>();
        for (KernelLife k : living) {
            checkCancelled();
            moves.add(actions.choose(k, c, lives, unstableRoute(k, c)));
        }
        liveConcurrently(living, moves, c);
        for (KernelLife k : living) {
            actions.observeApproach(k);
            if (k.sleptThisCycle) {
                k.sleptThisCycle = false;
                life.rediscoverPatterns(lives);
            }
            KernelLife child = life.maybeSpawn(k, c);
            if (child != null) {
                lives.add(child);
            }
        }
        resonance.resonate(lives, c);
        life.housekeeping();
    }

    /** The kernel's own part of a cycle: travel, attractor search (every other cycle), sleep, checkpoint. */
    private void liveOwn(Crew crew, KernelLife k, KernelActions.Move move, int c) {
        checkCancelled();
        crew.actions().travel(k, move.target(), move.reason(), KernelActions.MAX_STEPS);
        if ((c + k.sleepOffset) % 2 == 0) {
            crew.actions().findAttractors(k, DiscoveryMethod.GRADIENT_DESCENT);
        }
        if (c > 1 && (c + k.sleepOffset) % 4 == 0) {
            crew.life().sleep(k, c, c == config.cycles());
        }
        if (c % 3 == 0) {
            crew.actions().checkpoint(k, CheckpointType.REGULAR);
        }
    }

    /**
     * Runs {@link #liveOwn} for every kernel on a virtual thread of its own, each in a lane of the simulated clock that
     * starts at the session's current time; afterwards the session's time is the latest lane's and the kernels' counts
     * are added to the session's. A failure of any kernel is thrown after all have stopped (the first in kernel order,
     * the others suppressed).
     */
    private void liveConcurrently(List<KernelLife> living, List<KernelActions.Move> moves, int c) {
        Instant start = clock.instant();
        Instant[] ends = new Instant[living.size()];
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < living.size(); i++) {
                int n = i;
                KernelLife k = living.get(i);
                Crew crew = crews.computeIfAbsent(k.kernelId, id -> newCrew());
                running.add(threads.submit(() -> {
                    ends[n] = clock.inLane(start, () -> liveOwn(crew, k, moves.get(n), c));
                }));
            }
            RuntimeException failure = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    RuntimeException re = cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
                    if (failure == null) {
                        failure = re;
                    } else {
                        failure.addSuppressed(re);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
        for (KernelLife k : living) {
            crews.get(k.kernelId).tally().drainInto(tally);
        }
        for (Instant end : ends) {
            clock.advanceTo(end);
        }
    }

    private Crew newCrew() {
        Tally own = new Tally();
        return new Crew(new KernelActions(engine, clock, own, chunks, domains, this::checkCancelled),
                new LifeCycle(engine, clock, own, chunks, domains, this::checkCancelled), own);
    }

    /** The helpers one kernel lives with on its own thread, counting into a tally of its own. */
    private record Crew(KernelActions actions, LifeCycle life, Tally tally) {}

    /** Each kernel, root or child, ends the session with a last (manual) checkpoint and stays as it is. */
    private void finishKernels() {
        for (KernelLife k : lives) {
            actions.checkpoint(k, CheckpointType.MANUAL);
        }
    }

    private String progressLine(int c) {
        return String.format(Locale.ROOT,
                "cycle %d/%d: %d kernels, %d steps, %d trajectories (%d blocked), %d attractors, %d insights, %d tools",
                c, config.cycles(), lives.size(), tally.steps, tally.trajectories, tally.blocked, tally.attractorsFound,
                tally.insightsFired, tally.toolsRegistered);
    }
}
