package dev.chikuden.ems.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.ems.config.EmsConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store: a DuckDB file of each test's own. */
class DuckDbTelemetryStoreTest extends TelemetryStoreContract {
    @TempDir
    Path dir;

    Path file() {
        return dir.resolve("state").resolve("telemetry.duckdb");
    }

    @Override
    EmsConfig.Store config(long rawRetentionMs, long aggregateMs, long aggregateRetentionMs) {
        return new EmsConfig.Store(file(), null, null, null, rawRetentionMs, aggregateMs, aggregateRetentionMs);
    }

    @Override
    List<String> writerArguments() {
        return List.of("duckdb", file().toString());
    }

    @Test
    @Timeout(120)
    void aFileHeldByAnotherProcessIsRefusedNamingTheProcess() throws Exception {
        Path log = dir.resolve("writer.log");
        Process other = startWriter(log);
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine())
                    .as(() -> "the writer's first line; its stderr:\n" + read(log))
                    .isEqualTo("ready");
            assertThatThrownBy(this::open)
                    .isInstanceOf(StoreOpenException.class)
                    .hasMessageContaining("telemetry store " + file())
                    .hasMessageContaining("in use by another process (PID " + other.pid())
                    .hasMessageContaining("ems.store.file");
        } finally {
            other.destroyForcibly();
            other.waitFor();
        }
        try (TelemetryStore store = open()) {
            assertThat(store.acknowledgedCycle())
                    .as("reopened after its holder was killed")
                    .isZero();
        }
    }

    @Test
    void aFileThatIsNotADuckDbDatabaseIsRefused() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "epoch_ms,grid_kw\n");
        assertThatThrownBy(this::open)
                .isInstanceOf(StoreOpenException.class)
                .hasMessage("telemetry store " + file() + ": the file is not a DuckDB database; move it away or give "
                        + "the service another store file (ems.store.file)");
    }

    /** The raw rows and the aggregates commit together, or neither does: a retried batch is not written twice. */
    @Test
    void theAppenderWritesInsideTheWritersTransaction() throws Exception {
        try (TelemetryStore store = open();
                Connection c = connect()) {
            assertThat(store.acknowledgedCycle()).isZero();
            c.setAutoCommit(false);
            c.commit();
            new TelemetryTables(BUCKET_MS, true).insert(c, cycles(1, 5));
            c.rollback();
            assertThat(SyntheticCycles.count(c, "SELECT count(*) FROM telemetry_raw"))
                    .isZero();
            new TelemetryTables(BUCKET_MS, true).insert(c, cycles(1, 5));
            c.commit();
            assertThat(SyntheticCycles.stored(c)).containsExactlyElementsOf(cycles(1, 5));
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
