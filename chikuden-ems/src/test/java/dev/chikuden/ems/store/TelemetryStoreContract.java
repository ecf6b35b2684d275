package dev.chikuden.ems.store;

import static dev.chikuden.ems.store.SyntheticCycles.START_MS;
import static dev.chikuden.ems.store.SyntheticCycles.count;
import static dev.chikuden.ems.store.SyntheticCycles.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.cycle.CycleSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every back end of the telemetry store must do; a subclass gives each test an empty place
 * of its own (a file, a schema). Cycles are 1 s apart from {@link SyntheticCycles#START_MS},
 * buckets 10 s, so cycle n lies in bucket n / 10.
 */
abstract class TelemetryStoreContract {
    static final long PERIOD_MS = 1_000;
    static final long BUCKET_MS = 10_000;
    static final long KEEP_MS = 1_000L * 86_400 * 365 * 100;
    /** Commits within 10 ms, so tests do not wait on the production second. */
    static final WriterSettings QUICK = new WriterSettings(10_000, 500, 10);

    /** This test's place, with the given retention and bucket. */
    abstract EmsConfig.Store config(long rawRetentionMs, long aggregateMs, long aggregateRetentionMs);

    /** The arguments that make {@link KilledWriter} write to this test's place. */
    abstract List<String> writerArguments();

    EmsConfig.Store config() {
        return config(KEEP_MS, BUCKET_MS, KEEP_MS);
    }

    TelemetryStore open(EmsConfig.Store config, Clock clock) {
        return TelemetryStores.open(config, PERIOD_MS, QUICK, clock);
    }

    TelemetryStore open() {
        return open(config(), new SettableClock(START_MS));
    }

    /** A connection to the same data beside the store's own. */
    Connection connect() throws SQLException {
        return TelemetryStores.dialect(config()).connect();
    }

    static List<CycleSnapshot> cycles(long first, long last) {
        return LongStream.rangeClosed(first, last)
                .mapToObj(n -> SyntheticCycles.cycle(n, PERIOD_MS))
                .toList();
    }

    static void awaitAck(TelemetryStore store, long cycle) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (store.acknowledgedCycle() < cycle) {
            if (System.nanoTime() > deadline) {
                fail("the store acknowledged cycle " + store.acknowledgedCycle() + ", not " + cycle + ", in 30 s");
            }
            Thread.sleep(2);
        }
    }

    @Test
    void everyCycleComesBackAsItWasWrittenMissingReadingsAsNaN() throws Exception {
        List<CycleSnapshot> written = cycles(1, 45);
        try (TelemetryStore store = open();
                Connection c = connect()) {
            written.forEach(store::append);
            awaitAck(store, 45);
            assertThat(stored(c)).containsExactlyElementsOf(written);

            List<TelemetryPoint> points = store.query(START_MS, START_MS + 45 * PERIOD_MS, 1_000);
            assertThat(points).containsExactlyElementsOf(ExpectedPoints.raw(written, PERIOD_MS));
            assertThat(points.get(10).gridKw())
                    .as("cycle 11: the meter was stale")
                    .isNaN();
            assertThat(points.get(12).soc())
                    .as("cycle 13: the battery was stale")
                    .isNaN();
        }
    }

    @Test
    void aRangeIsInclusiveAndOrdered() throws Exception {
        try (TelemetryStore store = open()) {
            cycles(1, 30).forEach(store::append);
            awaitAck(store, 30);
            List<TelemetryPoint> points = store.query(START_MS + 5 * PERIOD_MS, START_MS + 9 * PERIOD_MS, 100);
            assertThat(points)
                    .extracting(TelemetryPoint::epochMs)
                    .containsExactly(LongStream.rangeClosed(5, 9)
                            .map(n -> START_MS + n * PERIOD_MS)
                            .boxed()
                            .toArray(Long[]::new));
            assertThat(store.query(START_MS + 40 * PERIOD_MS, START_MS + 50 * PERIOD_MS, 100))
                    .isEmpty();
        }
    }

    @Test
    void theAcknowledgedCycleNeverRunsAheadOfTheCommittedRows() throws Exception {
        try (TelemetryStore store = open();
                Connection c = connect()) {
            assertThat(store.acknowledgedCycle()).isZero();
            c.setAutoCommit(false);
            for (CycleSnapshot s : cycles(1, 150)) {
                store.append(s);
                long ack = store.acknowledgedCycle();
                assertThat(count(c, "SELECT count(*) FROM telemetry_raw WHERE cycle <= " + ack))
                        .isEqualTo(ack);
                c.rollback();
            }
            awaitAck(store, 150);
            assertThat(store.droppedCycles()).isZero();
        }
    }

    /** Each answer while cycles commit holds exactly the committed cycles of its range, none newer. */
    @Test
    void queriesWhileCyclesCommitAnswerExactlyTheirRange() throws Exception {
        try (TelemetryStore store = open()) {
            Thread control = new Thread(() -> {
                for (CycleSnapshot s : cycles(1, 1_000)) {
                    store.append(s);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            control.start();
            while (store.acknowledgedCycle() < 1_000) {
                long ack = store.acknowledgedCycle();
                List<TelemetryPoint> points = store.query(START_MS, START_MS + ack * PERIOD_MS, 2_000);
                assertThat(points)
                        .extracting(TelemetryPoint::epochMs)
                        .as("acknowledged %d", ack)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, ack)
                                .map(n -> START_MS + n * PERIOD_MS)
                                .boxed()
                                .toList());
            }
            control.join();
        }
    }

    @Test
    void closedBucketsAreAggregatedAndTheOpenOneIsSummarisedFromRawRows() throws Exception {
        List<CycleSnapshot> written = cycles(1, 95);
        try (TelemetryStore store = open();
                Connection c = connect()) {
            written.forEach(store::append);
            awaitAck(store, 95);
            assertThat(count(c, "SELECT count(*) FROM telemetry_aggregate"))
                    .as("buckets 0-8 closed, 9 open")
                    .isEqualTo(9);

            List<TelemetryPoint> points = store.query(START_MS, START_MS + 95 * PERIOD_MS, 50);
            ExpectedPoints.assertClose(points, ExpectedPoints.buckets(written, BUCKET_MS));
        }
    }

    @Test
    void tooManyBucketsAreGroupedIntoACoarserMultipleWithExactMeans() throws Exception {
        List<CycleSnapshot> written = cycles(1, 95);
        try (TelemetryStore store = open()) {
            written.forEach(store::append);
            awaitAck(store, 95);
            for (int maxPoints = 1; maxPoints <= 12; maxPoints++) {
                List<TelemetryPoint> points = store.query(START_MS, START_MS + 95 * PERIOD_MS, maxPoints);
                long coarseMs = points.get(0).resolutionMs();
                assertThat(coarseMs % BUCKET_MS).isZero();
                assertThat(points).hasSizeLessThanOrEqualTo(Math.max(maxPoints, 2));
                assertThat(points.stream().mapToInt(TelemetryPoint::samples).sum())
                        .isEqualTo(95);
                ExpectedPoints.assertClose(points, ExpectedPoints.buckets(written, coarseMs));
            }
        }
    }

    @Test
    void aBucketWithoutAnyMeterReadingIsNaNNotZero() throws Exception {
        List<CycleSnapshot> written = new ArrayList<>();
        for (CycleSnapshot s : cycles(1, 35)) {
            boolean meterSilent = s.cycle() >= 10 && s.cycle() < 20;
            written.add(
                    !meterSilent
                            ? s
                            : new CycleSnapshot(
                                    s.cycle(),
                                    s.epochMs(),
                                    s.state(),
                                    Double.NaN,
                                    Double.NaN,
                                    Double.NaN,
                                    s.batteryKw(),
                                    s.setpointKw(),
                                    s.soc(),
                                    s.binding(),
                                    s.cycleMs(),
                                    s.lateMs(),
                                    1,
                                    1));
        }
        try (TelemetryStore store = open()) {
            written.forEach(store::append);
            awaitAck(store, 35);
            List<TelemetryPoint> points = store.query(START_MS, START_MS + 35 * PERIOD_MS, 10);
            ExpectedPoints.assertClose(points, ExpectedPoints.buckets(written, BUCKET_MS));
            TelemetryPoint silent = points.get(1);
            assertThat(new double[] {
                        silent.gridKw(), silent.gridMinKw(), silent.gridMaxKw(), silent.loadKw(), silent.frequencyHz()
                    })
                    .containsOnly(Double.NaN);
            assertThat(silent.samples()).isEqualTo(10);
        }
    }

    @Test
    void retentionDeletesOldRawRowsByWholeBucketsThenOldAggregates() throws Exception {
        SettableClock clock = new SettableClock(START_MS);
        EmsConfig.Store config = config(60_000, BUCKET_MS, 300_000);
        List<CycleSnapshot> written = new ArrayList<>(cycles(1, 100));
        try (TelemetryStore store = open(config, clock);
                Connection c = connect()) {
            written.forEach(store::append);
            awaitAck(store, 100);

            clock.set(START_MS + 150_000);
            written.add(SyntheticCycles.cycle(150, PERIOD_MS));
            store.append(written.get(written.size() - 1));
            awaitAck(store, 150);
            assertThat(stored(c))
                    .extracting(CycleSnapshot::cycle)
                    .as("raw kept from the bucket of 150 s - 60 s")
                    .containsExactlyElementsOf(LongStream.concat(LongStream.rangeClosed(90, 100), LongStream.of(150))
                            .boxed()
                            .toList());
            assertThat(count(c, "SELECT count(*) FROM telemetry_aggregate"))
                    .as("buckets 0-10")
                    .isEqualTo(11);
            ExpectedPoints.assertClose(
                    store.query(START_MS, START_MS + 150_000, 1_000), ExpectedPoints.buckets(written, BUCKET_MS));
            assertThat(store.query(START_MS + 90_000, START_MS + 150_000, 1_000))
                    .as("within raw retention: raw rows")
                    .hasSize(12);

            clock.set(START_MS + 500_000);
            store.append(SyntheticCycles.cycle(500, PERIOD_MS));
            awaitAck(store, 500);
            assertThat(stored(c)).extracting(CycleSnapshot::cycle).containsExactly(500L);
            assertThat(count(c, "SELECT count(*) FROM telemetry_aggregate"))
                    .as("all started before 200 s")
                    .isZero();
            assertThat(store.query(START_MS, START_MS + 500_000, 1_000)).hasSize(1);
        }
    }

    @Test
    void retentionNeverDeletesRawRowsNotYetAggregated() throws Exception {
        SettableClock clock = new SettableClock(START_MS);
        List<CycleSnapshot> written = cycles(1, 101);
        try (TelemetryStore store = open(config(60_000, BUCKET_MS, KEEP_MS), clock);
                Connection c = connect()) {
            written.subList(0, 100).forEach(store::append);
            awaitAck(store, 100);
            clock.set(START_MS + 1_000_000);
            store.append(written.get(100));
            awaitAck(store, 101);
            assertThat(stored(c))
                    .extracting(CycleSnapshot::cycle)
                    .as("bucket 10 is still open")
                    .containsExactly(100L, 101L);
            ExpectedPoints.assertClose(
                    store.query(START_MS, START_MS + 101_000, 50), ExpectedPoints.buckets(written, BUCKET_MS));
        }
    }

    @Test
    void reopeningAggregatesTheBucketLeftOpenAndNoBucketTwice() throws Exception {
        List<CycleSnapshot> written = new ArrayList<>(cycles(1, 35));
        try (TelemetryStore store = open()) {
            written.forEach(store::append);
        }
        SettableClock later = new SettableClock(START_MS + 100_000);
        try (TelemetryStore store = open(config(), later);
                Connection c = connect()) {
            assertThat(count(c, "SELECT count(*) FROM telemetry_aggregate"))
                    .as("bucket 3 closed by the clock")
                    .isEqualTo(4);
            List<CycleSnapshot> more = cycles(101, 125);
            written.addAll(more);
            more.forEach(store::append);
            awaitAck(store, 125);
        }
        try (TelemetryStore store = open(config(), later);
                Connection c = connect()) {
            assertThat(count(c, "SELECT count(*) FROM telemetry_aggregate"))
                    .as("0-3, 10, 11")
                    .isEqualTo(6);
            assertThat(count(c, "SELECT count(DISTINCT bucket_ms) FROM telemetry_aggregate"))
                    .isEqualTo(6);
            assertThat(count(c, "SELECT sum(samples) FROM telemetry_aggregate")).isEqualTo(35 + 19);
            ExpectedPoints.assertClose(
                    store.query(START_MS, START_MS + 125_000, 30), ExpectedPoints.buckets(written, BUCKET_MS));
        }
    }

    @Test
    void closeCommitsWhatIsStillQueued() throws Exception {
        TelemetryStore store = TelemetryStores.open(
                config(), PERIOD_MS, new WriterSettings(10_000, 1_000, 60_000), new SettableClock(START_MS));
        cycles(1, 500).forEach(store::append);
        store.close();
        assertThat(store.acknowledgedCycle()).isEqualTo(500);
        try (Connection c = connect()) {
            assertThat(stored(c)).containsExactlyElementsOf(cycles(1, 500));
        }
    }

    @Test
    void everyAppendedCycleIsCommittedOrCountedAsDroppedOldestFirst() throws Exception {
        TelemetryStore store =
                TelemetryStores.open(config(), PERIOD_MS, new WriterSettings(8, 4, 10), new SettableClock(START_MS));
        cycles(1, 3_000).forEach(store::append);
        store.close();
        store.append(SyntheticCycles.cycle(3_001, PERIOD_MS));
        try (Connection c = connect()) {
            List<CycleSnapshot> rows = stored(c);
            assertThat(rows.size() + store.droppedCycles()).isEqualTo(3_001);
            assertThat(rows)
                    .as("the newest cycles are the last to go")
                    .endsWith(cycles(2_993, 3_000).toArray(CycleSnapshot[]::new));
            assertThat(rows).allSatisfy(r -> assertThat(r).isEqualTo(SyntheticCycles.cycle(r.cycle(), PERIOD_MS)));
        }
    }

    @Test
    void aQueryOutsideTimeOrWithoutPointsIsRefused() {
        try (TelemetryStore store = open()) {
            assertThatThrownBy(() -> store.query(START_MS, START_MS - 1, 10))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0 <= from <= to");
            assertThatThrownBy(() -> store.query(START_MS, START_MS, 0)).hasMessageContaining("maxPoints 0");
            assertThat(store.query(START_MS, Long.MAX_VALUE, 10)).isEmpty();
        }
    }

    /**
     * A child JVM appends continuously and prints each acknowledged cycle; once it acknowledged
     * 300 it is killed (SIGKILL) a random moment later, likely in the middle of a commit, and every
     * cycle it ever reported acknowledged must be there, intact, when the store is opened again.
     */
    @Test
    @Timeout(120)
    void acknowledgedCyclesSurviveAKill() throws Exception {
        Path log = Files.createTempFile("killed-writer", ".log");
        Process child = startWriter(log);
        AtomicLong lastAck = new AtomicLong();
        Thread reader = new Thread(() -> readAcks(child, lastAck));
        reader.start();
        try {
            while (lastAck.get() < 300) {
                if (!child.isAlive()) {
                    fail("the writer ended before acknowledging 300:\n" + Files.readString(log));
                }
                Thread.sleep(5);
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(50));
        } finally {
            child.destroyForcibly();
            child.waitFor();
            reader.join();
        }
        EmsConfig.Store config = KilledWriter.config(writerArguments().toArray(String[]::new));
        try (TelemetryStore store = TelemetryStores.open(config, KilledWriter.PERIOD_MS, QUICK, Clock.systemUTC());
                Connection c = connect()) {
            List<CycleSnapshot> rows = stored(c);
            assertThat(rows.size())
                    .as("rows after the kill; last acknowledgement printed " + lastAck)
                    .isGreaterThanOrEqualTo((int) lastAck.get());
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i)).isEqualTo(SyntheticCycles.cycle(i + 1, KilledWriter.PERIOD_MS));
            }
            store.append(SyntheticCycles.cycle(rows.size() + 1, KilledWriter.PERIOD_MS));
            awaitAck(store, rows.size() + 1);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Every {@code ack N} line the child printed before it died, the pipe read to its end. */
    private static void readAcks(Process child, AtomicLong lastAck) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("ack ")) {
                    lastAck.set(Long.parseLong(line.substring(4)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Process startWriter(Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KilledWriter.class.getName()));
        command.addAll(writerArguments());
        return new ProcessBuilder(command).redirectError(log.toFile()).start();
    }
}
