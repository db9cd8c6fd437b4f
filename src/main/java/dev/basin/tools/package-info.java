/**
 * Tools and insights: generated tools (declarative JSON pipelines over a fixed set of operations, run by an
 * interpreter; stored pipelines are data, never compiled or evaluated), the tool miner, lightning insights on
 * cross-domain resonance and their outcomes.
 *
 * <p>May import: {@code dev.basin.geometry}, {@code dev.basin.store}, {@code dev.basin.rag},
 * {@code dev.basin.knowledge} (and the packages below them, {@code dev.basin.coordizer} among them: an insight names
 * its bridging basin by its topics). Never {@code kernel} or above.
 */
package dev.basin.tools;
