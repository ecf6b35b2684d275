package dev.chikuden.ems.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.ems.config.EmsConfig;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store in PostgreSQL: a schema of each test's own in the test database. */
class PostgresTelemetryStoreTest extends TelemetryStoreContract {
    private String schema;

    @BeforeEach
    void createSchema() throws Exception {
        TestPostgres.assumeReachable();
        schema = TestPostgres.createSchema();
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (schema != null) {
            TestPostgres.dropSchema(schema);
        }
    }

    @Override
    EmsConfig.Store config(long rawRetentionMs, long aggregateMs, long aggregateRetentionMs) {
        return new EmsConfig.Store(
                null,
                TestPostgres.urlWithSchema(schema),
                TestPostgres.USER,
                TestPostgres.PASSWORD,
                rawRetentionMs,
                aggregateMs,
                aggregateRetentionMs);
    }

    @Override
    List<String> writerArguments() {
        return List.of("postgres", TestPostgres.urlWithSchema(schema), TestPostgres.USER, TestPostgres.PASSWORD);
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingEither() {
        String wrong = "not-" + TestPostgres.PASSWORD + "-4711";
        EmsConfig.Store store =
                new EmsConfig.Store(null, TestPostgres.URL, TestPostgres.USER, wrong, KEEP_MS, BUCKET_MS, KEEP_MS);
        assertThatThrownBy(() -> TelemetryStores.open(store, PERIOD_MS))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageStartingWith(
                        "telemetry store " + TestPostgres.URL + ": PostgreSQL refused user " + TestPostgres.USER)
                .hasMessageEndingWith("check ems.store.user and ems.store.password")
                .message()
                .doesNotContain(wrong);
    }

    @Test
    void aMissingDatabaseIsNamed() {
        String url = TestPostgres.URL.replace("/chikuden_test", "/chikuden_no_such_database");
        EmsConfig.Store store =
                new EmsConfig.Store(null, url, TestPostgres.USER, TestPostgres.PASSWORD, KEEP_MS, BUCKET_MS, KEEP_MS);
        assertThatThrownBy(() -> TelemetryStores.open(store, PERIOD_MS))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageContaining("telemetry store " + url + ": the database does not exist")
                .hasMessageContaining("createdb -O " + TestPostgres.USER);
    }

    /** The server ends the store's sessions (as a restart does): both reconnect, and no cycle is lost. */
    @Test
    void connectionsTheServerDropsAreReopenedAndNothingIsLost() throws Exception {
        try (TelemetryStore store = open();
                var c = connect()) {
            cycles(1, 50).forEach(store::append);
            awaitAck(store, 50);
            assertThat(store.query(SyntheticCycles.START_MS, SyntheticCycles.START_MS + 50 * PERIOD_MS, 100))
                    .hasSize(50);

            assertThat(SyntheticCycles.count(
                            c,
                            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                    + "WHERE application_name = 'chikuden-ems' AND datname = current_database() "
                                    + "AND pid <> pg_backend_pid()"))
                    .as("the writer's and the reader's sessions")
                    .isEqualTo(2);
            cycles(51, 100).forEach(store::append);
            awaitAck(store, 100);

            assertThat(SyntheticCycles.stored(c)).containsExactlyElementsOf(cycles(1, 100));
            assertThat(store.query(SyntheticCycles.START_MS, SyntheticCycles.START_MS + 100 * PERIOD_MS, 1_000))
                    .containsExactlyElementsOf(ExpectedPoints.raw(cycles(1, 100), PERIOD_MS));
            assertThat(store.droppedCycles()).isZero();
        }
    }

    @Test
    void theIndexesForTimeRangesExist() throws Exception {
        try (TelemetryStore store = open();
                var c = connect()) {
            assertThat(store.acknowledgedCycle()).isZero();
            assertThat(SyntheticCycles.count(
                            c,
                            "SELECT count(*) FROM pg_indexes WHERE schemaname = '" + schema
                                    + "' AND indexname IN ('telemetry_raw_epoch', 'telemetry_aggregate_bucket')"))
                    .isEqualTo(2);
        }
    }
}
