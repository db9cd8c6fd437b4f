/**
 * The autonomic kernel: its state (basin, Φ, κ, κ_eff, regime, neurotransmitters, step counter, seeded RNG),
 * advancing through a navigator, checkpoints with time travel and retention, emotions, thoughts, spawning with
 * knowledge transfer, and the sleep cycle. Owns {@code kernels}, {@code kernel_checkpoints},
 * {@code kernel_emotions}, {@code kernel_thoughts} and {@code kernel_knowledge_transfers}.
 *
 * <p>May import {@code geometry}, {@code store}, {@code runs}, {@code safety}, {@code navigation}, {@code attractors},
 * {@code coordizer} (to name basins by their topics), {@code rag},
 * {@code knowledge} and {@code tools}; never {@code session}, {@code api} or {@code cli}.
 */
package dev.basin.kernel;
