/**
 * The coordizer (docs/coordizer.md): a fitted NMF-64 topic model turns text into a basin ({@link
 * dev.basin.coordizer.TopicModel}), the database's models ({@link dev.basin.coordizer.CoordizerService}, owns {@code
 * coordizer_models}), the shipped Brown Corpus and default model, and reading a basin back: decode to the nearest
 * words, and naming a basin by its strongest topics ({@link dev.basin.coordizer.BasinTopics}).
 *
 * <p>May import {@code geometry} and {@code store} only; {@code rag} and the features above it import it.
 */
package dev.basin.coordizer;
