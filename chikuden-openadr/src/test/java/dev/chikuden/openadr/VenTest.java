package dev.chikuden.openadr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chikuden.openadr.Instruction.DispatchSetpoint;
import dev.chikuden.openadr.Instruction.ExportCapacityLimit;
import dev.chikuden.openadr.Instruction.ImportCapacityLimit;
import dev.chikuden.openadr.Instruction.Price;
import dev.chikuden.openadr.Instruction.Simple;
import dev.chikuden.openadr.vtn.InProcessVtn;
import dev.chikuden.openadr.vtn.VtnClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The VEN against the in-process VTN on loopback, polling every 100 ms. */
class VenTest {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final String PROGRAM = "chikuden-dr";
    private static final String VEN_SECRET = "ven1-secret";
    private static final double KW_PER_MW = 1000;
    private static final double KWH_PER_MWH = 1000;

    private final List<InstructionSet> received = new CopyOnWriteArrayList<>();
    private InProcessVtn vtn;
    private TestClient bl;
    private String programId;
    private Ven ven;
    /** The next full hour: every event below starts there, so none has ended while the test runs. */
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));

    @BeforeEach
    void vtnWithAProgram() {
        vtn = InProcessVtn.start(List.of(
                new VtnClient("bl", "bl-secret", VtnClient.Role.BUSINESS_LOGIC),
                new VtnClient("ven1", VEN_SECRET, VtnClient.Role.VEN)));
        bl = new TestClient(vtn.url(), "bl", "bl-secret");
        TestClient.Answer created = bl.send("POST", "/programs", "{\"programName\": \"" + PROGRAM + "\"}");
        assertThat(created.status()).isEqualTo(201);
        programId = created.json().get("id").asText();
    }

    @AfterEach
    void stop() {
        if (ven != null) {
            ven.close();
        }
        vtn.close();
    }

    private VenConfig config(String secret) {
        return new VenConfig(
                vtn.url(), vtn.tokenUrl(), "ven1", secret, "chikuden-fleet", List.of(PROGRAM, "not-there"), POLL);
    }

    private Ven startVen() {
        ven = new Ven(config(VEN_SECRET), received::add).start();
        return ven;
    }

    private String postEvent(String payloadType, String units, String currency, Object value) {
        TestClient.Answer a = bl.send("POST", "/events", event(payloadType, units, currency, value));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asText();
    }

    private String event(String payloadType, String units, String currency, Object value) {
        return """
                {"programID": "%s", "eventName": "%s", "priority": 1,
                 "intervalPeriod": {"start": "%s", "duration": "PT30M"},
                 "payloadDescriptors": [{"objectType": "EVENT_PAYLOAD_DESCRIPTOR", "payloadType": "%s"%s%s}],
                 "intervals": [{"id": 0, "payloads": [{"type": "%s", "values": [%s]}]}]}
                """.formatted(
                        programId,
                        payloadType.toLowerCase(java.util.Locale.ROOT),
                        start,
                        payloadType,
                        units == null ? "" : ", \"units\": \"" + units + "\"",
                        currency == null ? "" : ", \"currency\": \"" + currency + "\"",
                        payloadType,
                        value);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("waited " + PATIENCE + " for " + what);
            }
            Thread.sleep(POLL.toMillis() / 4);
        }
    }

    private InstructionSet last() {
        return received.isEmpty() ? InstructionSet.EMPTY : received.get(received.size() - 1);
    }

    @Test
    void eachPayloadTypeArrivesAsItsInstructionInKilowatts() throws InterruptedException {
        double importMw = 1.5;
        double exportKw = 800;
        double dispatchMw = -0.25;
        double priceYenPerMwh = 15_000;
        int level = 2;
        String importId = postEvent("IMPORT_CAPACITY_LIMIT", "MW", null, importMw);
        postEvent("EXPORT_CAPACITY_LIMIT", "KW", null, exportKw);
        postEvent("DISPATCH_SETPOINT", "MW", null, dispatchMw);
        postEvent("PRICE", "MWH", "JPY", priceYenPerMwh);
        postEvent("SIMPLE", null, null, level);
        String ghgId = postEvent("GHG", null, null, 420);

        startVen();
        await("six events read", () -> last().instructions().size() == 5);

        InstructionSet set = last();
        assertThat(set.instructions()).allSatisfy(i -> {
            assertThat(i.interval().start()).isEqualTo(start);
            assertThat(i.interval().duration()).isEqualTo(Duration.ofMinutes(30));
            assertThat(i.interval().programId()).isEqualTo(programId);
            assertThat(i.interval().priority()).hasValue(1);
        });
        assertThat(set.instructions())
                .filteredOn(ImportCapacityLimit.class::isInstance)
                .singleElement()
                .satisfies(i -> {
                    assertThat(((ImportCapacityLimit) i).limitKw()).isCloseTo(importMw * KW_PER_MW, within(1e-9));
                    assertThat(i.interval().eventId()).isEqualTo(importId);
                });
        assertThat(set.instructions())
                .filteredOn(ExportCapacityLimit.class::isInstance)
                .singleElement()
                .satisfies(i -> assertThat(((ExportCapacityLimit) i).limitKw()).isEqualTo(exportKw));
        assertThat(set.instructions())
                .filteredOn(DispatchSetpoint.class::isInstance)
                .singleElement()
                .satisfies(i -> assertThat(((DispatchSetpoint) i).consumptionKw())
                        .isCloseTo(dispatchMw * KW_PER_MW, within(1e-9)));
        assertThat(set.instructions())
                .filteredOn(Price.class::isInstance)
                .singleElement()
                .satisfies(i -> {
                    assertThat(((Price) i).pricePerKwh()).isCloseTo(priceYenPerMwh / KWH_PER_MWH, within(1e-12));
                    assertThat(((Price) i).currency()).isEqualTo("JPY");
                });
        assertThat(set.instructions())
                .filteredOn(Simple.class::isInstance)
                .singleElement()
                .satisfies(i -> assertThat(((Simple) i).level()).isEqualTo(level));
        assertThat(set.skipped()).singleElement().satisfies(s -> {
            assertThat(s.eventId()).isEqualTo(ghgId);
            assertThat(s.payloadType()).isEqualTo("GHG");
        });
        assertThat(ven.status().missingPrograms()).containsExactly("not-there");
        assertThat(ven.status().venId()).isPresent();
        assertThat(ven.lastPollOk()).isTrue();
    }

    @Test
    void aModifiedEventReplacesItsInstructionsAndADeletedOneIsGone() throws InterruptedException {
        String id = postEvent("IMPORT_CAPACITY_LIMIT", "KW", null, 500);
        startVen();
        await("the first limit", () -> importKw(last()) == 500);

        TestClient.Answer put = bl.send("PUT", "/events/" + id, event("IMPORT_CAPACITY_LIMIT", "MW", null, 2));
        assertThat(put.status()).isEqualTo(200);
        await("the modified limit", () -> importKw(last()) == 2 * KW_PER_MW);
        assertThat(last().instructions()).hasSize(1);

        assertThat(bl.send("DELETE", "/events/" + id, null).status()).isEqualTo(200);
        await("the limit gone", () -> last().instructions().isEmpty());
    }

    @Test
    void aReportIsReadBackFromTheVtnWithItsValues() throws InterruptedException {
        String eventId = postEvent("DISPATCH_SETPOINT", "KW", null, -1200);
        startVen();
        await("the event", () -> !last().instructions().isEmpty());
        Duration quarter = Duration.ofMinutes(15);
        double[] deliveredKw = {-1187.5, -1203.25};
        String reportId = ven.report(VenReport.aggregated(
                eventId,
                ReportQuantity.MEAN_POWER_KW,
                List.of(
                        new ReportInterval(0, start, quarter, deliveredKw[0]),
                        new ReportInterval(0, start.plus(quarter), quarter, deliveredKw[1]))));

        JsonNode reports = bl.send("GET", "/reports?eventID=" + eventId, null).json();
        assertThat(reports).hasSize(1);
        JsonNode report = reports.get(0);
        assertThat(report.get("id").asText()).isEqualTo(reportId);
        assertThat(report.get("clientName").asText()).isEqualTo("chikuden-fleet");
        assertThat(report.get("clientID").asText()).isEqualTo("ven1");
        assertThat(report.at("/payloadDescriptors/0/payloadType").asText()).isEqualTo("READING");
        assertThat(report.at("/payloadDescriptors/0/readingType").asText()).isEqualTo("MEAN");
        assertThat(report.at("/payloadDescriptors/0/units").asText()).isEqualTo("KW");
        JsonNode resource = report.at("/resources/0");
        assertThat(resource.get("resourceName").asText()).isEqualTo(VenReport.AGGREGATED);
        for (int k = 0; k < deliveredKw.length; k++) {
            JsonNode interval = resource.get("intervals").get(k);
            assertThat(interval.at("/payloads/0/type").asText()).isEqualTo("READING");
            assertThat(interval.at("/payloads/0/values/0").asDouble()).isEqualTo(deliveredKw[k]);
            assertThat(Instant.parse(interval.at("/intervalPeriod/start").asText()))
                    .isEqualTo(start.plus(quarter.multipliedBy(k)));
            assertThat(Duration.parse(interval.at("/intervalPeriod/duration").asText()))
                    .isEqualTo(quarter);
        }
    }

    @Test
    void aWrongSecretIsAClearErrorThatDoesNotShowTheSecret() {
        String wrong = "not-the-secret";
        assertThatThrownBy(() -> new Ven(config(wrong), received::add).start())
                .isInstanceOf(CredentialsRefusedException.class)
                .hasMessageContaining("client id 'ven1'")
                .hasMessageContaining("401 invalid_client")
                .hasMessageContaining("clientSecret")
                .hasMessageNotContaining(wrong);
    }

    @Test
    void anUnreachableVtnKeepsTheLastSetUntilItReturnsOnTheSamePort() throws InterruptedException {
        postEvent("EXPORT_CAPACITY_LIMIT", "KW", null, 300);
        startVen();
        await("the limit", () -> last().instructions().size() == 1);
        int calls = received.size();
        int tokens = vtn.tokensIssued();

        vtn.stop();
        await("the VEN to notice", () -> !ven.lastPollOk());
        assertThat(ven.status().lastError())
                .hasValueSatisfying(e ->
                        assertThat(e).contains("unreachable").contains(vtn.url().toString()));
        assertThat(ven.current()).isEqualTo(received.get(calls - 1));
        assertThat(ven.current().instructions()).hasSize(1);

        vtn.restart();
        await("the VEN to recover", ven::lastPollOk);
        assertThat(received).hasSize(calls);
        assertThat(ven.status().consecutiveFailures()).isZero();
        // the restarted VTN forgot its tokens: the VEN was answered 401 and fetched a new one
        assertThat(vtn.tokensIssued()).isGreaterThan(tokens);
    }

    @Test
    void aVenStartedWhileTheVtnIsDownStartsAndCatchesUp() throws InterruptedException {
        postEvent("IMPORT_CAPACITY_LIMIT", "KW", null, 700);
        vtn.stop();
        startVen();
        assertThat(ven.lastPollOk()).isFalse();
        assertThat(ven.status().lastError())
                .hasValueSatisfying(e -> assertThat(e).contains("unreachable"));
        assertThat(ven.current()).isEqualTo(InstructionSet.EMPTY);
        vtn.restart();
        await("the limit after the VTN came up", () -> importKw(last()) == 700);
        assertThat(ven.lastPollOk()).isTrue();
    }

    @Test
    void anExpiringTokenIsRenewedWithoutAFailedPoll() throws InterruptedException {
        vtn.close();
        vtn = InProcessVtn.start(
                0,
                Duration.ofSeconds(1),
                List.of(
                        new VtnClient("bl", "bl-secret", VtnClient.Role.BUSINESS_LOGIC),
                        new VtnClient("ven1", VEN_SECRET, VtnClient.Role.VEN)));
        bl = new TestClient(vtn.url(), "bl", "bl-secret");
        programId = bl.send("POST", "/programs", "{\"programName\": \"" + PROGRAM + "\"}")
                .json()
                .get("id")
                .asText();
        startVen();
        Instant until = Instant.now().plusMillis(2500);
        while (Instant.now().isBefore(until)) {
            assertThat(ven.status().consecutiveFailures()).isZero();
            Thread.sleep(POLL.toMillis() / 2);
        }
        // one token for BL, at least three for the VEN over 2.5 s of 1-s tokens
        assertThat(vtn.tokensIssued()).isGreaterThanOrEqualTo(1 + 3);
    }

    @Test
    void anIntervalThatEndsLeavesTheSet() throws InterruptedException {
        postEvent("SIMPLE", null, null, 1);
        AtomicReference<Instant> now = new AtomicReference<>(start.minus(Duration.ofHours(1)));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        ven = new Ven(config(VEN_SECRET), received::add, clock).start();
        await("the upcoming level", () -> last().instructions().size() == 1);
        now.set(start.plus(Duration.ofMinutes(29)));
        Thread.sleep(3 * POLL.toMillis());
        assertThat(last().instructions()).hasSize(1);
        now.set(start.plus(Duration.ofMinutes(30)));
        await("the level gone at its end", () -> last().instructions().isEmpty());
        assertThat(received).hasSize(2);
    }

    @Test
    void aListenerThatThrowsDoesNotStopThePolling() throws InterruptedException {
        postEvent("SIMPLE", null, null, 1);
        ven = new Ven(config(VEN_SECRET), set -> {
                    received.add(set);
                    throw new IllegalStateException("listener bug");
                })
                .start();
        await("the first set", () -> received.size() == 1);
        postEvent("SIMPLE", null, null, 3);
        await("the second set", () -> received.size() == 2);
        assertThat(ven.lastPollOk()).isTrue();
        assertThat(last().instructions()).extracting(i -> ((Simple) i).level()).containsExactlyInAnyOrder(1, 3);
    }

    private static double importKw(InstructionSet set) {
        return set.instructions().stream()
                .filter(ImportCapacityLimit.class::isInstance)
                .mapToDouble(i -> ((ImportCapacityLimit) i).limitKw())
                .findFirst()
                .orElse(Double.NaN);
    }
}
