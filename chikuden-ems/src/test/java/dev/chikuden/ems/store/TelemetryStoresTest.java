package dev.chikuden.ems.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.ems.config.EmsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which store a configuration opens, and the messages when it cannot; none needs a server. */
class TelemetryStoresTest {
    private static final long DAY_MS = 86_400_000;

    @TempDir
    Path dir;

    @Test
    void anUnreachableServerIsNamedWithoutThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/chikuden?user=ops&password=s3cret-in-url";
        EmsConfig.Store store = new EmsConfig.Store(null, url, "ops", "s3cret-property", DAY_MS, 60_000, DAY_MS);
        assertThatThrownBy(() -> TelemetryStores.open(store, 1_000))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageStartingWith("telemetry store jdbc:postgresql://127.0.0.1:1/chikuden?user=ops&password=***: "
                        + "cannot reach PostgreSQL (")
                .hasMessageEndingWith("start the server or correct ems.store.jdbcUrl")
                .message()
                .doesNotContain("s3cret");
    }

    @Test
    void aPasswordInTheUrlsUserPartIsMaskedInTheStartUpError() {
        String url = "jdbc:postgresql://ops:s3cret-user-part@127.0.0.1:1/chikuden";
        EmsConfig.Store store = new EmsConfig.Store(null, url, "ops", null, DAY_MS, 60_000, DAY_MS);
        assertThatThrownBy(() -> TelemetryStores.open(store, 1_000))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageStartingWith("telemetry store jdbc:postgresql://ops:***@127.0.0.1:1/chikuden: ")
                .message()
                .doesNotContain("s3cret");
        assertThat(store.toString()).contains("ops:***@").doesNotContain("s3cret");
    }

    @Test
    void aUrlOfAnotherDatabaseIsRefused() {
        EmsConfig.Store store =
                new EmsConfig.Store(null, "jdbc:mysql://db/ems?password=x", null, null, DAY_MS, 60_000, DAY_MS);
        assertThatThrownBy(() -> TelemetryStores.open(store, 1_000))
                .isInstanceOf(StoreOpenException.class)
                .hasMessage("ems.store.jdbcUrl: \"jdbc:mysql://db/ems?password=***\" is not a PostgreSQL JDBC URL; "
                        + "use jdbc:postgresql://HOST:PORT/DATABASE, or leave it out for the embedded file");
    }

    @Test
    void aStoreFileWhereADirectoryCannotBeIsRefused() throws Exception {
        Path blocker = Files.writeString(dir.resolve("state"), "a file, not a directory");
        EmsConfig.Store store =
                new EmsConfig.Store(blocker.resolve("telemetry.duckdb"), null, null, null, DAY_MS, 60_000, DAY_MS);
        assertThatThrownBy(() -> TelemetryStores.open(store, 1_000))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageStartingWith(
                        "telemetry store " + blocker.resolve("telemetry.duckdb") + ": cannot create its directory");
    }

    @Test
    void aBucketOfNoLengthIsRefusedNamingTheField() {
        EmsConfig.Store store = new EmsConfig.Store(dir.resolve("t.duckdb"), null, null, null, DAY_MS, 0, DAY_MS);
        assertThatThrownBy(() -> TelemetryStores.open(store, 1_000))
                .isInstanceOf(StoreOpenException.class)
                .hasMessage("ems.store.aggregateMs: 0 ms; it must be positive");
    }

    @Test
    void theDefaultIsTheDuckDbFileItsDirectoryCreated() {
        Path file = dir.resolve("state/telemetry.duckdb");
        try (TelemetryStore store =
                TelemetryStores.open(new EmsConfig.Store(file, null, null, null, DAY_MS, 60_000, DAY_MS), 1_000)) {
            assertThat(store.acknowledgedCycle()).isZero();
        }
        assertThat(file).exists();
    }
}
