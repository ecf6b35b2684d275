package dev.chikuden.ems.store;

import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.cycle.CycleSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's one writer thread. It takes cycles off the queue and commits them in batches, in the
 * same transaction as the aggregates of the buckets they close and, with the first batch of each
 * minute, retention; the acknowledged cycle moves only after the commit returns. A failed commit is
 * rolled back and retried on a new connection after a back-off, the batch kept; meanwhile cycles
 * wait in the queue. Buckets close on the cycles' own timestamps, a bucket once a later one has a
 * cycle, so a cycle still queued when the clock passes its bucket's end is not left out; on opening,
 * every bucket before the clock's is closed.
 */
final class TelemetryWriter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryWriter.class);
    static final long RETENTION_EVERY_MS = 60_000;
    /** How soon an idle writer notices that the store is closing. */
    private static final long WAKE_MS = 50;

    private static final long FIRST_RETRY_MS = 1_000;
    private static final long LAST_RETRY_MS = 30_000;

    private final StoreDialect dialect;
    private final TelemetryTables tables;
    private final EmsConfig.Store config;
    private final WriterSettings settings;
    private final Clock clock;
    private final CycleQueue queue;
    private final List<CycleSnapshot> batch = new ArrayList<>();
    private long batchStartNs;
    private Connection connection;
    private long aggregatedUpTo;
    private long nextRetentionMs = Long.MIN_VALUE;
    private int failures;
    private volatile long acknowledged;
    private volatile boolean stopping;

    private TelemetryWriter(
            StoreDialect dialect,
            TelemetryTables tables,
            EmsConfig.Store config,
            WriterSettings settings,
            Clock clock,
            CycleQueue queue) {
        this.dialect = dialect;
        this.tables = tables;
        this.config = config;
        this.settings = settings;
        this.clock = clock;
        this.queue = queue;
    }

    /**
     * Connects, creates the tables if new, aggregates the buckets that closed while the service was
     * down and applies retention, all before the first cycle: a store that cannot open stops the start.
     */
    static TelemetryWriter open(
            StoreDialect dialect,
            TelemetryTables tables,
            EmsConfig.Store config,
            WriterSettings settings,
            Clock clock,
            CycleQueue queue) {
        TelemetryWriter writer = new TelemetryWriter(dialect, tables, config, settings, clock, queue);
        try {
            writer.connection = dialect.connect();
            tables.create(writer.connection, dialect.indexes());
            writer.connection.setAutoCommit(false);
            writer.aggregatedUpTo = tables.aggregatedUpTo(writer.connection);
            writer.commit(tables.bucketStart(clock.millis()));
        } catch (SQLException e) {
            writer.closeConnection();
            throw dialect.cannotOpen(e);
        }
        return writer;
    }

    long acknowledged() {
        return acknowledged;
    }

    /** Asks the thread to write what is queued and end. */
    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        try {
            while (!(stopping && batch.isEmpty() && queue.isEmpty())) {
                gather();
                if (!batch.isEmpty() && !write()) {
                    if (stopping) {
                        queue.dropUnwritten(batch.size());
                        LOG.error(
                                "telemetry store {}: closing without writing {} cycles",
                                dialect.where(),
                                batch.size() + queue.abandon());
                        batch.clear();
                    } else {
                        pause(retryDelayMs());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeConnection();
        }
    }

    /** Fills the batch: waits for a first cycle, then takes more until the batch is full or due. */
    private void gather() throws InterruptedException {
        if (batch.isEmpty()) {
            CycleSnapshot first = queue.poll(stopping ? 0 : WAKE_MS);
            if (first == null) {
                return;
            }
            batch.add(first);
            batchStartNs = System.nanoTime();
        }
        long dueNs = batchStartNs + TimeUnit.MILLISECONDS.toNanos(settings.flushIntervalMs());
        while (true) {
            queue.drainTo(batch, settings.batchRows() - batch.size());
            long leftMs = TimeUnit.NANOSECONDS.toMillis(dueNs - System.nanoTime());
            if (batch.size() >= settings.batchRows() || stopping || leftMs <= 0) {
                return;
            }
            CycleSnapshot next = queue.poll(Math.min(leftMs, WAKE_MS));
            if (next != null) {
                batch.add(next);
            }
        }
    }

    private boolean write() {
        try {
            commit(tables.bucketStart(newestEpochMs()));
            if (failures > 0) {
                LOG.info("telemetry store {}: writing again after {} failed attempts", dialect.where(), failures);
            }
            failures = 0;
            return true;
        } catch (SQLException e) {
            failures++;
            closeConnection();
            LOG.warn(
                    "telemetry store {}: cannot write {} cycles ({}); trying again in {} s",
                    dialect.where(),
                    batch.size(),
                    StoreDialect.cause(e),
                    retryDelayMs() / 1000);
            return false;
        } catch (RuntimeException e) {
            // Not the database: these rows cannot be written, and retrying them would stop every later one.
            LOG.error(
                    "telemetry store {}: dropping {} cycles that cannot be written", dialect.where(), batch.size(), e);
            closeConnection();
            queue.dropUnwritten(batch.size());
            batch.clear();
            return true;
        }
    }

    /**
     * One transaction: the batch, the aggregates of the buckets before {@code closeUpTo} not yet
     * aggregated and, when due, retention. State moves on only once the commit returned.
     */
    private void commit(long closeUpTo) throws SQLException {
        if (connection == null) {
            connection = dialect.connect();
            connection.setAutoCommit(false);
        }
        long nowMs = clock.millis();
        boolean retain = nowMs >= nextRetentionMs;
        try {
            if (!batch.isEmpty()) {
                tables.insert(connection, batch);
            }
            long aggregatedAfter = Math.max(aggregatedUpTo, closeUpTo);
            if (aggregatedAfter > aggregatedUpTo) {
                tables.aggregate(connection, aggregatedUpTo, aggregatedAfter);
            }
            if (retain) {
                // Raw rows go by whole buckets, and never before they are aggregated.
                long rawCutoff = Math.min(tables.bucketStart(nowMs - config.rawRetentionMs()), aggregatedAfter);
                tables.deleteBefore(connection, rawCutoff, nowMs - config.aggregateRetentionMs());
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw e;
        }
        aggregatedUpTo = Math.max(aggregatedUpTo, closeUpTo);
        if (retain) {
            nextRetentionMs = nowMs + RETENTION_EVERY_MS;
        }
        long newest = acknowledged;
        for (CycleSnapshot s : batch) {
            newest = Math.max(newest, s.cycle());
        }
        acknowledged = newest;
        batch.clear();
    }

    private long newestEpochMs() {
        long newest = Long.MIN_VALUE;
        for (CycleSnapshot s : batch) {
            newest = Math.max(newest, s.epochMs());
        }
        return newest;
    }

    private long retryDelayMs() {
        return Math.min(LAST_RETRY_MS, FIRST_RETRY_MS << Math.min(failures - 1, 5));
    }

    private void pause(long ms) throws InterruptedException {
        long endNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (!stopping && System.nanoTime() < endNs) {
            Thread.sleep(WAKE_MS);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("close failed", e);
            }
            connection = null;
        }
    }
}
