/**
 * The session's rules (triggers): each decides from measured input what the session stores, by a documented rule, and
 * is tested to fire on input meeting it and stay silent otherwise: {@link dev.basin.session.rules.UnstablePeriods}
 * (era exclusions from agreeing findings), {@link dev.basin.session.rules.BarrierHealing} (healing from evidence),
 * {@link dev.basin.session.rules.TimeTravel} (restore on breakdown or collapse), {@link
 * dev.basin.session.rules.RegimeWatch} (scale mappings at regime crossings), {@link dev.basin.session.rules.Importance}
 * (memory importance from measured terms) and {@link dev.basin.session.rules.CycleSpan} (the measured span of a
 * cycle).
 *
 * <p>Pure: no engine, no store, nothing of the driver or the behaviour.
 */
package dev.basin.session.rules;
