/**
 * The HTTP server of {@code basin serve}: the REST API under {@code /api/v1}, its OpenAPI document, health and
 * Prometheus metrics, and the dashboard at {@code /}.
 *
 * <p>Wiring is explicit and in one place, {@link dev.basin.api.ApiServer#create}. Request bodies are parsed by hand
 * from a Jackson tree into validated values ({@link dev.basin.api.JsonBody}), so every error names its field; every
 * error leaves as an RFC 9457 problem detail ({@link dev.basin.api.Problems}). Writes go through the feature services,
 * which use the store's write path; a response says "stored" only after the commit.
 *
 * <p>Allowed imports: every feature package, {@code geometry}, {@code store}; never {@code cli} or {@code session}.
 */
package dev.basin.api;
