package dev.chikuden.ems.store;

/**
 * How the writer batches.
 *
 * @param queueCapacity   cycles waiting for the writer before the oldest are dropped
 * @param batchRows       the most cycles one commit writes (a backlog after an outage drains in these)
 * @param flushIntervalMs the longest a queued cycle waits for its commit
 */
record WriterSettings(int queueCapacity, int batchRows, long flushIntervalMs) {
    /**
     * An hour of 100-ms cycles (ten of 1-s cycles) may queue while the database is slow or away,
     * about 5 MB; a cycle is committed within a second, so at most a second of telemetry is at risk.
     */
    static final WriterSettings DEFAULT = new WriterSettings(36_000, 1_000, 1_000);
}
