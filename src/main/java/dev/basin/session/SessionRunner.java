package dev.basin.session;

import dev.basin.session.behaviour.KernelActions;
import dev.basin.session.behaviour.KernelLife;
import dev.basin.session.behaviour.KernelWork;
import dev.basin.session.behaviour.LifeCycle;
import dev.basin.session.behaviour.Resonance;
import dev.basin.session.behaviour.SimClock;
import dev.basin.session.behaviour.Tally;
import dev.basin.session.rules.CycleSpan;
import dev.basin.session.rules.UnstablePeriods;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.BasinEngine;
import dev.basin.EngineConfig;
import dev.basin.attractors.FinderConfig;
import dev.basin.kernel.SpawnConfig;
import dev.basin.store.StoreConfig;
import dev.basin.attractors.DiscoveryMethod;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Coupling;
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
 * ingests the corpus, wakes the root kernels at seeded basins, then runs the
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

    /** Kernels a session may hold, per root kernel: a root, its child and its grandchild (spawn generation < 2). */
    static final int SPAWN_CAP = 3;
    /** A kernel searches its learned potential every this many cycles (staggered by kernel). */
    static final int SEARCH_EVERY = 3;

    /** Simulated time between two events of a kernel (a query, a fragment, a thought). */
    static final Duration EVENT = KernelWork.EVENT;

    private final BasinEngine engine;
    private final SimClock clock;
    private final SessionConfig config;
    private final Listener listener;
    private final BooleanSupplier cancelled;
    private final SplittableRandom rng;
    private final Tally tally = new Tally();
    private final UnstablePeriods unstable = new UnstablePeriods();
    private final CycleSpan span = new CycleSpan(KernelActions.STEP);
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
     * samples, and a spawn cap of {@value #SPAWN_CAP} times the roots: every kernel of the first two generations may
     * have a child (a root, its child, its grandchild), so the cap never stops a line before its generation does.
     */
    public static EngineConfig engineConfig(StoreConfig store, SimClock clock, SessionConfig config) {
        return EngineConfig.of(store).withClock(clock).withFinder(FinderConfig.defaults().withVolumeSamples(200))
                .withSpawn(new SpawnConfig(2, 0.05, SPAWN_CAP * config.kernels(), 2));
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
        return SessionSummary.of(tally, sessionId, config.seed(), config.cycles(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** The counts so far. */
    public SessionSummary summarySoFar() {
        return SessionSummary.of(tally, sessionId, config.seed(), config.cycles(), 0);
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
        // domain, ordinal, then content: a total order (a domain may hold several documents) independent of ids
        all.sort(java.util.Comparator.comparing(IndexedChunk::domain).thenComparingInt(IndexedChunk::ordinal)
                .thenComparing(IndexedChunk::content));
        chunks.addAll(all);
        domains.addAll(new TreeSet<>(all.stream().map(IndexedChunk::domain).toList()));
        KernelWork work = work(tally);
        actions = new KernelActions(work);
        life = new LifeCycle(work);
        resonance = new Resonance(work, actions);
        engine.crossPatterns().discover(documents, List.of());
        clock.advance(EVENT);
        for (int i = 0; i < config.kernels(); i++) {
            wakeRoot(i);
        }
    }

    /**
     * A root kernel wakes between its home chunk and a random point (Dirichlet(1)); it chooses its coupling κ uniformly
     * between 0.5·κ* and 1.5·κ* (a choice of the session's stream, like its basin; κ_eff then moves with its
     * neurotransmitters).
     */
    private void wakeRoot(int i) {
        String domain = domains.get(i % domains.size());
        List<IndexedChunk> home = chunks.stream().filter(c -> c.domain().equals(domain)).toList();
        IndexedChunk anchor = home.get(rng.nextInt(home.size()));
        Basin wake = FisherRao.pointAt(anchor.basin(), dirichlet(rng), 0.3 + 0.3 * rng.nextDouble());
        double kappa = Coupling.KAPPA_STAR * (0.5 + rng.nextDouble());
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
     * One cycle. Each living kernel first chooses where to go, one after another on the session's thread (queries,
     * tools and the other kernels' positions are shared). Then the kernels live concurrently, a virtual thread each,
     * every one on its own simulated clock lane starting at the same time: the movement, the attractor search, sleep
     * and checkpoint touch only the kernel's own rows, and the store's group commit shares the fsyncs of their units of
     * work. Then, kernel after kernel again, what crosses kernels: the tool miner's observations, the cross patterns
     * after a sleep, spawning; then resonance and housekeeping. The same seed thus gives the same content however the
     * threads interleave.
     */
    private void cycle(int c) {
        span.begin(clock.instant());
        List<KernelLife> living = List.copyOf(lives);
        List<KernelActions.Move> moves = new ArrayList<>();
        for (KernelLife k : living) {
            checkCancelled();
            moves.add(actions.choose(k, c, lives));
        }
        liveConcurrently(living, moves, c);
        for (KernelLife k : living) {
            declareUnstablePeriods(k);
        }
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
        span.end(clock.instant());
    }

    /**
     * The unstable-period rule ({@link UnstablePeriods}) over the findings the kernel's ethics monitor made this cycle:
     * periods that its findings complete with other kernels' are declared now as era exclusions.
     */
    private void declareUnstablePeriods(KernelLife k) {
        for (UnstablePeriods.Period p : unstable.found(k.findings, clock.instant())) {
            clock.advance(EVENT);
            engine.safety().createEraExclusion(p.start(), p.end(), p.center(), p.radius(), p.reason(),
                    p.json(engine.store().json()));
            tally.eraExclusions++;
        }
        k.findings.clear();
    }

    /** The kernel's own part of a cycle: travel, attractor search (every third cycle), sleep, checkpoint. */
    private void liveOwn(Crew crew, KernelLife k, KernelActions.Move move, int c) {
        checkCancelled();
        crew.actions().travel(k, move.target(), move.reason(), KernelActions.MAX_STEPS);
        if ((c + k.sleepOffset) % SEARCH_EVERY == 0) {
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
        KernelWork work = work(own);
        return new Crew(new KernelActions(work), new LifeCycle(work), own);
    }

    /** The session's shared state and helpers, counting into {@code counts}. */
    private KernelWork work(Tally counts) {
        return new KernelWork(engine, clock, counts, chunks, domains, this::checkCancelled, span);
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
