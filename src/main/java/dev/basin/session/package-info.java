/**
 * The main job: {@link dev.basin.session.SessionRunner} drives kernels through one session over a document corpus
 * (ingest, voyages with safety checks, emotions and thoughts, attractors, insights and their outcomes, false patterns,
 * scale mappings, memory and sleep, spawning with transfers, generated tools, space-time paths) on a simulated clock
 * with seeded randomness, so that a seed reproduces the content. See docs/session.md.
 *
 * <p>Sits on top: may import {@code dev.basin} (the engine) and every feature package, never {@code api} or
 * {@code cli}.
 */
package dev.basin.session;
