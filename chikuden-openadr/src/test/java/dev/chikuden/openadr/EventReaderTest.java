package dev.chikuden.openadr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.openadr.Instruction.ExportCapacityLimit;
import dev.chikuden.openadr.Instruction.ImportCapacityLimit;
import dev.chikuden.openadr.Instruction.Price;
import dev.chikuden.openadr.model.Event;
import dev.chikuden.openadr.model.EventPayloadDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventReaderTest {
    private static final double KW_PER_MW = 1000;

    private final List<Instruction> instructions = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();

    private void read(Event event, Instant now) {
        new EventReader(now, Map.of(), instructions, skipped).read(event);
    }

    private static Event example(String file) throws IOException {
        try (InputStream in = EventReaderTest.class.getResourceAsStream("examples/" + file)) {
            Event e = TestClient.JSON.readValue(in, Event.class);
            e.setId("event-1");
            return e;
        }
    }

    private static Event event(String json) throws IOException {
        return TestClient.JSON.readValue(json, Event.class);
    }

    @Test
    void userGuideCapacityLimitsGiveTheLimitsOfBothHalfHours() throws IOException {
        // User Guide example 8.10.1-1: two 30-minute intervals from 2023-02-10T00:00Z, limits in KW
        read(example("event-8.10.1-1-capacity-limits.json"), Instant.parse("2023-02-10T00:10:00Z"));
        Instant start = Instant.parse("2023-02-10T00:00:00Z");
        Duration half = Duration.ofMinutes(30);
        assertThat(skipped).isEmpty();
        assertThat(instructions)
                .extracting(i -> i.getClass().getSimpleName(), i -> i.interval().start(), EventReaderTest::kw)
                .containsExactly(
                        tuple("ImportCapacityLimit", start, 10.0),
                        tuple("ExportCapacityLimit", start, 4.0),
                        tuple("ImportCapacityLimit", start.plus(half), 8.0),
                        tuple("ExportCapacityLimit", start.plus(half), 6.0));
        assertThat(instructions)
                .allSatisfy(i -> assertThat(i.interval().duration()).isEqualTo(half));
    }

    @Test
    void intervalsThatHaveEndedAreLeftOut() throws IOException {
        read(example("event-8.10.1-1-capacity-limits.json"), Instant.parse("2023-02-10T00:40:00Z"));
        assertThat(instructions).extracting(i -> i.interval().intervalId()).containsOnly(1);
        instructions.clear();
        read(example("event-8.10.1-1-capacity-limits.json"), Instant.parse("2023-02-10T01:00:00Z"));
        assertThat(instructions).isEmpty();
    }

    @Test
    void aMultiValuedPriceSplitsItsIntervalIntoEqualSubIntervals() throws IOException {
        // User Guide example 7.3-1: three prices in one PT3H interval, each for an hour
        read(example("event-7.3-1-multi-price.json"), Instant.parse("2025-06-25T00:00:00Z"));
        assertThat(instructions).hasSize(3).allSatisfy(i -> {
            assertThat(i.interval().duration()).isEqualTo(Duration.ofHours(1));
            assertThat(((Price) i).currency()).isEqualTo("USD");
        });
        assertThat(instructions).extracting(i -> ((Price) i).pricePerKwh()).containsExactly(0.17, 0.03, 0.11);
        assertThat(instructions)
                .extracting(i -> i.interval().start())
                .containsExactly(
                        Instant.parse("2025-06-25T00:00:00Z"),
                        Instant.parse("2025-06-25T01:00:00Z"),
                        Instant.parse("2025-06-25T02:00:00Z"));
    }

    @Test
    void aPriceWithoutUnitsIsSkippedWithTheReason() throws IOException {
        // User Guide example 7.4-1 gives no payloadDescriptors: a price per what is not known
        read(example("event-7.4-1-variable-intervals.json"), Instant.parse("2023-02-10T00:00:00Z"));
        assertThat(instructions).isEmpty();
        assertThat(skipped).hasSize(2).allSatisfy(s -> {
            assertThat(s.payloadType()).isEqualTo("PRICE");
            assertThat(s.reason()).contains("no payloadDescriptor").contains("KWH");
        });
    }

    @Test
    void theProgramsDescriptorIsTheDefault() throws IOException {
        EventPayloadDescriptor perMwh =
                new EventPayloadDescriptor().payloadType("PRICE").units("MWH").currency("JPY");
        new EventReader(Instant.parse("2023-02-10T00:00:00Z"), Map.of("PRICE", perMwh), instructions, skipped)
                .read(example("event-7.4-1-variable-intervals.json"));
        // 0.17 and 0.22 per MWh are a thousandth of that per kWh; the second interval lasts PT2H, after the first
        assertThat(instructions).extracting(i -> ((Price) i).pricePerKwh()).containsExactly(0.17 / 1000, 0.22 / 1000);
        assertThat(instructions.get(1).interval().start()).isEqualTo(Instant.parse("2023-02-10T01:00:00Z"));
        assertThat(instructions.get(1).interval().duration()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void megawattsBecomeKilowattsAndUnknownUnitsAndTypesAreSkipped() throws IOException {
        read(event("""
                {"id": "e", "programID": "p", "priority": 2,
                 "intervalPeriod": {"start": "2030-01-01T00:00:00Z", "duration": "PT15M"},
                 "payloadDescriptors": [
                   {"objectType": "EVENT_PAYLOAD_DESCRIPTOR", "payloadType": "IMPORT_CAPACITY_LIMIT", "units": "MW"},
                   {"objectType": "EVENT_PAYLOAD_DESCRIPTOR", "payloadType": "EXPORT_CAPACITY_LIMIT", "units": "HP"}],
                 "intervals": [{"id": 7, "payloads": [
                   {"type": "IMPORT_CAPACITY_LIMIT", "values": [1.25]},
                   {"type": "EXPORT_CAPACITY_LIMIT", "values": [3]},
                   {"type": "GHG", "values": [420]},
                   {"type": "SIMPLE", "values": [4]}]}]}
                """), Instant.parse("2029-12-31T00:00:00Z"));
        assertThat(instructions).singleElement().isInstanceOfSatisfying(ImportCapacityLimit.class, i -> {
            assertThat(i.limitKw()).isCloseTo(1.25 * KW_PER_MW, within(1e-9));
            assertThat(i.interval().priority()).hasValue(2);
            assertThat(i.interval().intervalId()).isEqualTo(7);
        });
        assertThat(skipped)
                .extracting(Skipped::payloadType, Skipped::reason)
                .containsExactly(
                        tuple(
                                "EXPORT_CAPACITY_LIMIT",
                                "units 'HP' of EXPORT_CAPACITY_LIMIT are not known; allowed: [KW, MW, W]"),
                        tuple("GHG", "payload type not handled by this VEN"),
                        tuple("SIMPLE", "SIMPLE level 4 is not one of 0, 1, 2, 3"));
    }

    @Test
    void doItNowStartsWhenTheVtnLastWroteTheEvent() throws IOException {
        read(event("""
                {"id": "e", "programID": "p", "modificationDateTime": "2030-01-01T09:00:00Z",
                 "intervalPeriod": {"start": "0001-01-01", "duration": "P9999Y"},
                 "intervals": [{"id": 0, "payloads": [{"type": "SIMPLE", "values": [3]}]}]}
                """), Instant.parse("2030-01-01T09:00:05Z"));
        assertThat(instructions).singleElement().isInstanceOfSatisfying(Instruction.Simple.class, s -> {
            assertThat(s.level()).isEqualTo(3);
            assertThat(s.interval().start()).isEqualTo(Instant.parse("2030-01-01T09:00:00Z"));
            assertThat(s.interval().end()).isEqualTo(Instant.parse("+12029-01-01T09:00:00Z"));
        });
    }

    private static double kw(Instruction i) {
        if (i instanceof ImportCapacityLimit l) {
            return l.limitKw();
        }
        return i instanceof ExportCapacityLimit l ? l.limitKw() : Double.NaN;
    }
}
