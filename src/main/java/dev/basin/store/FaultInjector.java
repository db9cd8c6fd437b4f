package dev.basin.store;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Test hook: makes the Nth statement of the next unit(s) of work fail, to prove that a failure anywhere leaves no
 * partial rows. A unit of work is one {@link Store#inTransaction}/{@link Store#useTransaction} call, or one direct
 * write ({@code insert}, {@code update}, …) which, while a fault is armed, runs as its own transaction. Statements
 * counted: every write through {@link Tx} and every statement run on {@link Tx#handle()}.
 *
 * <p>Disarmed by default; costs one volatile read per unit when disarmed.
 */
public final class FaultInjector {
    /** The failure raised by an injected fault. */
    public static final class InjectedFault extends StoreException {
        private static final long serialVersionUID = 1L;

        public InjectedFault(int statement) {
            super("injected fault at statement " + statement + " of the unit of work", "XX000", null);
        }
    }

    private record Plan(int statement, int units) {}

    private final AtomicReference<Plan> plan = new AtomicReference<>();

    /** Fails statement {@code n} (1-based) of the next unit of work. */
    public void failStatement(int n) {
        failStatement(n, 1);
    }

    /** Fails statement {@code n} (1-based) of each of the next {@code units} units of work. */
    public void failStatement(int n, int units) {
        if (n < 1 || units < 1) {
            throw new IllegalArgumentException("statement and units must be ≥ 1: " + n + ", " + units);
        }
        plan.set(new Plan(n, units));
    }

    public void disarm() {
        plan.set(null);
    }

    public boolean armed() {
        return plan.get() != null;
    }

    /**
     * Takes the fault for a starting unit of work: returns the statement number to fail, or 0 for none. Internal to
     * the store.
     */
    public int takeForUnit() {
        while (true) {
            Plan p = plan.get();
            if (p == null) {
                return 0;
            }
            Plan next = p.units() > 1 ? new Plan(p.statement(), p.units() - 1) : null;
            if (plan.compareAndSet(p, next)) {
                return p.statement();
            }
        }
    }
}
