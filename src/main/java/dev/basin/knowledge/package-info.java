/**
 * Knowledge and memory: memory fragments and their sleep consolidation, cross-domain patterns, scale mappings on
 * regime crossings of κ_eff, and false pattern classes (negative knowledge).
 *
 * <p>May import: {@code dev.basin.geometry}, {@code dev.basin.store}, {@code dev.basin.rag} (and the packages below
 * it, {@code dev.basin.coordizer} among them: cross patterns name their signature by its topics). Never {@code tools}, {@code kernel} or above: the kernel calls into this package, not the reverse.
 */
package dev.basin.knowledge;
