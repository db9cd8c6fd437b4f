package dev.basin.safety;

import java.time.Instant;

/**
 * Where the safety index's synchronisation stands: whether it listens for the tables' notifications now, how many
 * change-feed reads it made and when the last one finished (null before the first), how many times it opened its
 * listening connection, and that connection's backend process id (0 when not connected).
 */
public record SyncStatus(boolean listening, long reads, Instant lastRead, long connects, int listenerPid) {}
