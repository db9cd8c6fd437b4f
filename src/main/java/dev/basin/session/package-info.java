/**
 * The main job, in three parts:
 *
 * <ul>
 *   <li><b>the driver</b> (this package): {@link dev.basin.session.SessionRunner} runs one session over a document
 *       corpus: it ingests the corpus, wakes the root kernels, and orders every cycle (the kernels' choices, their
 *       own lives concurrently, the shared effects, resonance, housekeeping) on a simulated clock with seeded
 *       randomness, so that a seed reproduces the content; {@link dev.basin.session.SessionConfig},
 *       {@link dev.basin.session.SessionSummary} and the shipped corpus;</li>
 *   <li><b>the kernels' behaviour</b> ({@link dev.basin.session.behaviour}): what a kernel does in a cycle (choose,
 *       travel, search attractors, sleep, spawn, resonate), through the engine's features;</li>
 *   <li><b>the rules</b> ({@link dev.basin.session.rules}): the triggers, each a documented rule over measured input
 *       that decides what is stored (unstable periods, barrier healing, time travel, scale mappings, importance, the
 *       measured cycle span).</li>
 * </ul>
 *
 * <p>Imports go downward: the driver uses the behaviour and the rules, the behaviour uses the rules, the rules use
 * neither (nor the engine or the store). No part holds shared mutable state in a base class: the behaviour's shared
 * helpers ({@link dev.basin.session.behaviour.KernelWork}) are composed, and each kernel's counts go to a tally of its
 * own. See docs/session.md.
 *
 * <p>Sits on top: may import {@code dev.basin} (the engine) and every feature package, never {@code api} or
 * {@code cli}.
 */
package dev.basin.session;
