/**
 * The kernels' behaviour in a session: what a kernel does, through the engine's features. {@link
 * dev.basin.session.behaviour.KernelActions} chooses a target and travels (a leg: procedures, the voyage, what it
 * measured), {@link dev.basin.session.behaviour.LifeCycle} sleeps, wakes and spawns, {@link
 * dev.basin.session.behaviour.Resonance} turns pairs of kernels into insights; {@link
 * dev.basin.session.behaviour.KernelWork} is what they share (tools through the workbench, memory, attractor search,
 * learning checkpoints), composed into each; {@link dev.basin.session.behaviour.KernelLife} is what the session keeps
 * about one kernel between cycles, {@link dev.basin.session.behaviour.SimClock} the simulated time they live in.
 *
 * <p>Uses the rules ({@link dev.basin.session.rules}) to decide what to store; never the driver.
 */
package dev.basin.session.behaviour;
