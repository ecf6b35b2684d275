package dev.chikuden.ems.store;

import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.cycle.CycleSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The telemetry store over JDBC, one implementation for DuckDB and PostgreSQL: the control thread
 * queues, {@link TelemetryWriter} commits, and queries run on a connection of their own, so a
 * long query never holds up a commit.
 */
final class JdbcTelemetryStore implements TelemetryStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTelemetryStore.class);
    private static final long CLOSE_WAIT_MS = 30_000;
    /** 9999-12-31: an open-ended range ("until now") is cut here, so bucket arithmetic cannot overflow. */
    private static final long LAST_EPOCH_MS = 253_402_300_799_999L;

    private final StoreDialect dialect;
    private final CycleQueue queue;
    private final TelemetryWriter writer;
    private final Thread writerThread;
    private final TelemetryReader reader;
    private final Object readLock = new Object();
    private Connection readConnection;
    private volatile boolean closed;

    JdbcTelemetryStore(
            StoreDialect dialect, EmsConfig.Store config, long cycleMs, WriterSettings settings, Clock clock) {
        this.dialect = dialect;
        TelemetryTables tables = new TelemetryTables(config.aggregateMs(), dialect.appends());
        queue = new CycleQueue(settings.queueCapacity());
        writer = TelemetryWriter.open(dialect, tables, config, settings, clock, queue);
        reader = new TelemetryReader(tables, cycleMs);
        writerThread = new Thread(writer, "telemetry-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    @Override
    public void append(CycleSnapshot snapshot) {
        if (closed) {
            queue.dropUnwritten(1);
        } else {
            queue.offer(snapshot);
        }
    }

    @Override
    public long acknowledgedCycle() {
        return writer.acknowledged();
    }

    @Override
    public long droppedCycles() {
        return queue.dropped();
    }

    @Override
    public List<TelemetryPoint> query(long fromEpochMs, long toEpochMs, int maxPoints) {
        if (fromEpochMs < 0 || toEpochMs < fromEpochMs) {
            throw new IllegalArgumentException("telemetry query: from " + fromEpochMs + " to " + toEpochMs
                    + " is not a time range; give UTC ms with 0 <= from <= to");
        }
        if (maxPoints < 1) {
            throw new IllegalArgumentException("telemetry query: maxPoints " + maxPoints + " must be at least 1");
        }
        long to = Math.min(toEpochMs, LAST_EPOCH_MS);
        synchronized (readLock) {
            if (closed) {
                throw new IllegalStateException("telemetry store " + dialect.where() + " is closed");
            }
            try {
                return readOnce(fromEpochMs, to, maxPoints);
            } catch (SQLException lost) {
                // A connection the server dropped fails once; a new one answers if the database is back.
                closeReadConnection();
                try {
                    return readOnce(fromEpochMs, to, maxPoints);
                } catch (SQLException e) {
                    closeReadConnection();
                    throw new IllegalStateException(
                            "telemetry store " + dialect.where() + ": the query failed (" + StoreDialect.cause(e) + ")",
                            e);
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (readLock) {
            if (closed) {
                return;
            }
            closed = true;
            closeReadConnection();
        }
        writer.stop();
        try {
            writerThread.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writerThread.isAlive()) {
            LOG.warn(
                    "telemetry store {}: the writer did not finish within {} s; cycles it had not committed are lost",
                    dialect.where(),
                    CLOSE_WAIT_MS / 1000);
        } else {
            queue.abandon();
        }
    }

    /**
     * One query in a transaction of its own. DuckDB 1.4 plans an auto-commit query against
     * statistics that can be older than the rows its scan then sees, so rows a concurrent commit
     * added could pass a time filter they fail (fixed in DuckDB 2.0); in a transaction the
     * snapshot is taken before the plan.
     */
    private List<TelemetryPoint> readOnce(long fromEpochMs, long toEpochMs, int maxPoints) throws SQLException {
        if (readConnection == null) {
            readConnection = dialect.connect();
            readConnection.setAutoCommit(false);
        }
        try {
            return reader.query(readConnection, fromEpochMs, toEpochMs, maxPoints);
        } finally {
            readConnection.rollback();
        }
    }

    private void closeReadConnection() {
        if (readConnection != null) {
            try {
                readConnection.close();
            } catch (SQLException e) {
                LOG.debug("close failed", e);
            }
            readConnection = null;
        }
    }
}
