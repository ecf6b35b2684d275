package dev.chikuden.fleet.service;

import static dev.chikuden.fleet.service.FleetEndToEndTest.await;
import static dev.chikuden.fleet.service.FleetEndToEndTest.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chikuden.fleet.ven.VenBridge;
import dev.chikuden.openadr.TestClient;
import dev.chikuden.openadr.VenConfig;
import dev.chikuden.openadr.vtn.InProcessVtn;
import dev.chikuden.openadr.vtn.VtnClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet as a VEN of the in-process VTN, three sites of 1 MW load each behind it: an event is
 * received, the portfolio answers it, and when the interval ends the report of the portfolio's mean
 * grid power is posted, equal to the mean over the fleet's own cycle records.
 */
class FleetVenTest {
    static final String PROGRAM = "kansai-dr";

    @TempDir
    Path dir;

    private InProcessVtn vtn;
    private TestClient bl;
    private String programId;

    @BeforeEach
    void vtn() {
        vtn = InProcessVtn.start(List.of(
                new VtnClient("bl", "bl-secret-0123456789", VtnClient.Role.BUSINESS_LOGIC),
                new VtnClient("fleet", "fleet-secret-0123456789", VtnClient.Role.VEN)));
        bl = new TestClient(vtn.url(), "bl", "bl-secret-0123456789");
        programId = bl.send("POST", "/programs", "{\"programName\": \"" + PROGRAM + "\"}")
                .json()
                .get("id")
                .asText();
    }

    @AfterEach
    void stop() {
        vtn.close();
    }

    private String event(String type, double value, Instant start, Duration length) {
        String body =
                """
                {"programID": "%s", "eventName": "%s", "priority": 1,
                 "intervalPeriod": {"start": "%s", "duration": "%s"},
                 "payloadDescriptors": [{"objectType": "EVENT_PAYLOAD_DESCRIPTOR", "payloadType": "%s", "units": "KW"}],
                 "intervals": [{"id": 0, "payloads": [{"type": "%s", "values": [%s]}]}]}
                """.formatted(programId, type.toLowerCase(java.util.Locale.ROOT), start, length, type, type, value);
        TestClient.Answer a = bl.send("POST", "/events", body);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asText();
    }

    @Test
    void anEventIsAnsweredAndItsReportPostedWhenItsIntervalEnds() throws Exception {
        VenBridge ven = new VenBridge(
                        new VenConfig(
                                vtn.url(),
                                vtn.tokenUrl(),
                                "fleet",
                                "fleet-secret-0123456789",
                                "chikuden-fleet",
                                List.of(PROGRAM),
                                Duration.ofMillis(100)),
                        List.of(0.10, 0.25, 0.50))
                .start();
        try (FleetRig rig = new FleetRig(dir, 3, ven)) {
            for (int i = 0; i < 3; i++) {
                rig.add(i, 400, FleetRig.url(rig.fleet.port()));
            }
            List<FleetCycle> cycles = new CopyOnWriteArrayList<>();
            rig.fleet.onCycle(cycles::add);
            await(cycles, c -> c.sites().stream().allMatch(FleetCycle.Site::fresh), Duration.ofSeconds(20));

            // the utility caps the portfolio's import at 2,400 kW for 6 s: its 3,000 kW of load needs 600 kW
            Instant start = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
            Duration length = Duration.ofSeconds(6);
            String eventId = event("IMPORT_CAPACITY_LIMIT", 2400, start, length);
            FleetCycle first = await(
                    cycles, c -> c.source() != null && c.source().equals("openadr:" + eventId), Duration.ofSeconds(10));
            FleetCycle met = await(
                    cycles,
                    c -> c.cycle() >= first.cycle() && within(c.deliveredKw(), 600, 0.02),
                    Duration.ofSeconds(5));
            assertThat(met.cycle() - first.cycle())
                    .as("cycles to meet the import limit")
                    .isLessThanOrEqualTo(10);
            assertThat(met.requestedKw()).isCloseTo(600, org.assertj.core.api.Assertions.within(15.0));

            // the interval ends: the sites return to their own strategies and the report goes back
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            JsonNode reports =
                    bl.send("GET", "/reports?eventID=" + eventId, null).json();
            while (reports.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                reports = bl.send("GET", "/reports?eventID=" + eventId, null).json();
            }
            assertThat(reports).hasSize(1);
            JsonNode interval = reports.get(0).at("/resources/0/intervals/0");
            double reportedKw = interval.at("/payloads/0/values/0").asDouble();
            // recomputed from the fleet's own records of the interval's cycles
            double sum = 0;
            int n = 0;
            for (FleetCycle c : cycles) {
                Instant t = Instant.ofEpochMilli(c.epochMs());
                if (!t.isBefore(start) && t.isBefore(start.plus(length))) {
                    sum += c.sites().stream()
                            .filter(FleetCycle.Site::fresh)
                            .mapToDouble(FleetCycle.Site::gridKw)
                            .sum();
                    n++;
                }
            }
            assertThat(reportedKw).isCloseTo(sum / n, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(reportedKw)
                    .as("the import held near the limit over the interval")
                    .isBetween(2300.0, 3000.0);
            assertThat(reports.get(0).at("/payloadDescriptors/0/payloadType").asText())
                    .isEqualTo("READING");
            // a PRICE event (JPY per MWh) reaches every site as a price signal in yen/kWh, for its MPC
            Instant priced = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
            String body = """
                    {"programID": "%s", "eventName": "price", "priority": 1,
                     "intervalPeriod": {"start": "%s", "duration": "PT1H"},
                     "payloadDescriptors": [{"objectType": "EVENT_PAYLOAD_DESCRIPTOR", "payloadType": "PRICE",
                       "units": "MWH", "currency": "JPY"}],
                     "intervals": [{"id": 0, "payloads": [{"type": "PRICE", "values": [45000]}]}]}
                    """.formatted(programId, priced);
            assertThat(bl.send("POST", "/events", body).status()).isEqualTo(201);
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < until
                    && rig.sites.stream()
                            .anyMatch(x -> x.service.fleetLink().pricesHeld().isEmpty())) {
                Thread.sleep(50);
            }
            assertThat(rig.sites)
                    .allSatisfy(x -> assertThat(x.service.fleetLink().pricesHeld())
                            .containsExactly(new dev.chikuden.control.PriceSignals.Interval(
                                    priced.toEpochMilli(),
                                    priced.plusSeconds(3600).toEpochMilli(),
                                    45.0)));
            System.out.printf(
                    "fleet VEN: import limit met %d cycles after the event began; reported mean import %.1f kW over %d cycles%n",
                    met.cycle() - first.cycle(), reportedKw, n);
        }
    }
}
