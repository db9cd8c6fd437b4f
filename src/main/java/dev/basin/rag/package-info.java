/**
 * Documents: ingestion with SHA-256 dedupe into {@code rag_uploads}, deterministic chunking into {@code rag_chunks}
 * (each chunk coordized to a basin), Fisher–Rao retrieval over an in-memory √-coordinate index, and per-document
 * {@code document_training_stats}.
 *
 * <p>May import: {@code dev.basin.geometry}, {@code dev.basin.store}. Nothing above it.
 */
package dev.basin.rag;
