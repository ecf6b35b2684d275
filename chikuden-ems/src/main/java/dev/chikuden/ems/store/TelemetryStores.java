package dev.chikuden.ems.store;

import dev.chikuden.ems.config.EmsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Opens the store a service's configuration names: PostgreSQL when a JDBC URL is set, else the DuckDB file. */
public final class TelemetryStores {
    private TelemetryStores() {}

    /**
     * @param cycleMs the control cycle, the resolution of raw rows in answers
     * @throws StoreOpenException when the file is held by another process, the server is unreachable
     *                            or refuses the user; the message says what to do
     */
    public static TelemetryStore open(EmsConfig.Store store, long cycleMs) {
        return open(store, cycleMs, WriterSettings.DEFAULT, Clock.systemUTC());
    }

    static TelemetryStore open(EmsConfig.Store store, long cycleMs, WriterSettings settings, Clock clock) {
        requirePositive("aggregateMs", store.aggregateMs());
        requirePositive("rawRetentionMs", store.rawRetentionMs());
        requirePositive("aggregateRetentionMs", store.aggregateRetentionMs());
        return new JdbcTelemetryStore(dialect(store), store, cycleMs, settings, clock);
    }

    static StoreDialect dialect(EmsConfig.Store store) {
        String url = store.jdbcUrl();
        if (url != null) {
            PostgresServer server = new PostgresServer(url, store.user(), store.password());
            if (!url.startsWith(PostgresServer.URL_PREFIX)) {
                throw new StoreOpenException(
                        "ems.store.jdbcUrl: \"" + server.where() + "\" is not a PostgreSQL "
                                + "JDBC URL; use jdbc:postgresql://HOST:PORT/DATABASE, or leave it out for the embedded file",
                        null);
            }
            return server;
        }
        if (store.file() == null) {
            throw new StoreOpenException("ems.store: neither a file nor a jdbcUrl; give one of them", null);
        }
        Path file = store.file().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StoreOpenException(
                    "telemetry store " + file + ": cannot create its directory (" + e.getMessage()
                            + "); give the service a writable state directory or store file",
                    e);
        }
        return new DuckDbFile(file);
    }

    private static void requirePositive(String field, long ms) {
        if (ms <= 0) {
            throw new StoreOpenException("ems.store." + field + ": " + ms + " ms; it must be positive", null);
        }
    }
}
