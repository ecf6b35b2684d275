package dev.chikuden.fleet.ven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.openadr.EventInterval;
import dev.chikuden.openadr.Instruction;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EventTargetTest {
    static final Instant T0 = Instant.parse("2026-08-04T05:00:00Z");
    static final List<Double> REDUCTIONS = List.of(0.10, 0.25, 0.50);
    /** 3,000 kW of net load, the batteries discharging 200 kW: 2,800 kW imported. */
    static final PortfolioNow NOW = new PortfolioNow(T0.plusSeconds(60).toEpochMilli(), 2800, 3000);

    static EventInterval interval(String event, int priority) {
        return new EventInterval(event, "p", 0, T0, Duration.ofHours(1), OptionalInt.of(priority));
    }

    static EventTarget.Target at(Instant now, Instruction... is) {
        Map<String, Double> baselines = new HashMap<>();
        return EventTarget.at(now, List.of(is), NOW, REDUCTIONS, i -> EventTarget.baseline(baselines, i, NOW));
    }

    @Test
    void aDispatchSetpointHoldsThePortfoliosConsumptionAtIt() {
        // consume 1,800 kW with 3,000 kW of net load: the batteries discharge 1,200 kW
        EventTarget.Target t =
                at(Instant.ofEpochMilli(NOW.epochMs()), new Instruction.DispatchSetpoint(interval("e1", 1), 1800));
        assertThat(t.kw()).isEqualTo(1200);
        assertThat(t.from().eventId()).isEqualTo("e1");
    }

    @Test
    void anImportLimitDischargesWhatKeepsTheImportAtTheLimitAndNothingBelowIt() {
        Instant now = Instant.ofEpochMilli(NOW.epochMs());
        assertThat(at(now, new Instruction.ImportCapacityLimit(interval("e", 1), 2000))
                        .kw())
                .isCloseTo(1000, within(1e-9)); // 3,000 net - 2,000 allowed
        assertThat(at(now, new Instruction.ImportCapacityLimit(interval("e", 1), 5000))
                        .kw())
                .isZero();
    }

    @Test
    void anExportLimitChargesWhatKeepsTheExportAtTheLimit() {
        PortfolioNow sunny = new PortfolioNow(NOW.epochMs(), -1500, -1500); // PV exceeds the load by 1.5 MW
        Instant now = Instant.ofEpochMilli(NOW.epochMs());
        EventTarget.Target t = EventTarget.at(
                now, List.of(new Instruction.ExportCapacityLimit(interval("e", 1), 500)), sunny, REDUCTIONS, i -> 0);
        assertThat(t.kw()).isCloseTo(-1000, within(1e-9));
    }

    @Test
    void aSimpleLevelCutsTheImportTheIntervalBeganWithByItsConfiguredShare() {
        Instant now = Instant.ofEpochMilli(NOW.epochMs());
        // level 2: 25 % off the 2,800 kW imported when first seen: import at most 2,100 kW
        assertThat(at(now, new Instruction.Simple(interval("e", 1), 2)).kw()).isCloseTo(900, within(1e-9));
        assertThat(at(now, new Instruction.Simple(interval("e", 1), 0))).isNull();
    }

    @Test
    void theMostImportantSetpointWinsAndLimitsHoldTogether() {
        Instant now = Instant.ofEpochMilli(NOW.epochMs());
        EventTarget.Target t = at(
                now,
                new Instruction.DispatchSetpoint(interval("low", 5), 2900),
                new Instruction.DispatchSetpoint(interval("high", 0), 2300));
        assertThat(t.kw()).isEqualTo(700);
        EventTarget.Target both = at(
                now,
                new Instruction.ImportCapacityLimit(interval("a", 1), 2500),
                new Instruction.ImportCapacityLimit(interval("b", 2), 2200));
        assertThat(both.kw()).isCloseTo(800, within(1e-9)); // the tighter
    }

    @Test
    void nothingActsOutsideItsIntervalAndAPriceAsksNoPower() {
        assertThat(at(T0.minusSeconds(1), new Instruction.DispatchSetpoint(interval("e", 1), -100)))
                .isNull();
        assertThat(at(T0.plus(Duration.ofHours(1)), new Instruction.DispatchSetpoint(interval("e", 1), -100)))
                .isNull();
        assertThat(at(Instant.ofEpochMilli(NOW.epochMs()), new Instruction.Price(interval("e", 1), 30, "JPY")))
                .isNull();
    }
}
