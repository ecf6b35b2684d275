package dev.chikuden.ems.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.cycle.EmsState;
import dev.chikuden.gridcode.RuleVerdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Live grid-code metrics against figures worked out by hand from the series fed in. */
class LiveGridCodeTest {
    /** 2026-07-01 09:00 JST, the start of a half-hour slot. */
    private static final long SLOT = Instant.parse("2026-07-01T00:00:00Z").toEpochMilli();

    private final LiveGridCode live = new LiveGridCode(ApiFixture.limits(150_000), 1000);

    private void feed(long cycle, long epochMs, double gridKw) {
        live.accept(
                new CycleSnapshot(cycle, epochMs, EmsState.RUNNING, gridKw, gridKw, 60, 0, 0, 0.5, "peak", 1, 0, 0, 0));
    }

    private LiveGridCode.Window window(int index) {
        return live.view().windows().get(index);
    }

    private LiveGridCode.Demand demand() {
        return live.view().demand();
    }

    private static RuleVerdict verdict(LiveGridCode.Window window, String rule) {
        return window.metrics().verdicts().stream()
                .filter(v -> v.rule().equals(rule))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void rampsOfAKnownSlopeOverOneAndFiveMinutes() {
        // 100 s flat at 100 MW, a 30 s rise of 2 MW/s, then flat at 160 MW for 170 s: 300 samples
        double kw = 100_000;
        for (int i = 0; i < 300; i++) {
            if (i >= 100 && i < 130) {
                kw += 2_000;
            }
            feed(i + 1, SLOT + i * 1000L, kw);
        }
        LiveGridCode.Window five = window(1);
        assertThat(five.samples()).isEqualTo(300);
        assertThat(five.metrics().maxRampUpKwPerS()).isCloseTo(2_000, within(1e-9));
        assertThat(five.metrics().maxRampDownKwPerS()).isCloseTo(0, within(1e-9));
        assertThat(five.metrics().maxRampKwPerMin())
                .as("the whole 60 MW rise within a minute")
                .isCloseTo(60_000, within(1e-6));
        assertThat(five.metrics().peakKw()).isEqualTo(160_000);
        RuleVerdict perS = verdict(five, "maxRampUpMwPerS");
        assertThat(perS.value()).isCloseTo(2.0, within(1e-12));
        assertThat(perS.limit()).isEqualTo(10.0);
        assertThat(perS.pass()).isTrue();
        RuleVerdict perMin = verdict(five, "maxRampMwPerMin");
        assertThat(perMin.value()).isCloseTo(60.0, within(1e-9));
        assertThat(perMin.pass()).as("60 MW in a minute against 30 MW/min").isFalse();
        assertThat(five.metrics().verdicts().stream().map(RuleVerdict::rule)).doesNotContain("maxDemand30minMw");

        LiveGridCode.Window one = window(0);
        assertThat(one.samples()).as("the last 60 s only").isEqualTo(60);
        assertThat(one.metrics().maxRampUpKwPerS())
                .as("flat in the last minute")
                .isZero();
        assertThat(one.metrics().maxRampKwPerMin())
                .as("a minute of samples holds no 1-min change")
                .isNaN();
        assertThat(verdict(one, "maxRampMwPerMin").note()).startsWith("not judged");
    }

    @Test
    void aStaleReadingBreaksTheRunAndIsSaidSo() {
        for (int i = 0; i < 120; i++) {
            feed(i + 1, SLOT + i * 1000L, i == 100 ? Double.NaN : 50_000);
        }
        LiveGridCode.Window five = window(1);
        assertThat(five.samples()).as("after the NaN at sample 100").isEqualTo(19);
        assertThat(five.notes()).anyMatch(n -> n.contains("101 older cycles") && n.contains("broken"));
    }

    @Test
    void aLostCycleBreaksTheRunToo() {
        for (int i = 0; i < 50; i++) {
            long cycle = i < 40 ? i + 1 : i + 2; // cycle 41 never arrives
            feed(cycle, SLOT + (cycle - 1) * 1000L, 70_000);
        }
        assertThat(window(0).samples()).isEqualTo(10);
    }

    @Test
    void demandSoFarAndProjectedToTheEndOfTheSlot() {
        // 5 min at 100 MW then 200 MW; ten minutes of 1 s cycles from the slot's start
        for (int k = 0; k < 600; k++) {
            feed(k + 1, SLOT + k * 1000L, k < 300 ? 100_000 : 200_000);
        }
        LiveGridCode.Demand d = demand();
        // integrated up to the last cycle's start: 300 s at 100 MW and 299 s at 200 MW
        double kws = 300 * 100_000.0 + 299 * 200_000.0;
        assertThat(d.slot().importKwh()).isCloseTo(kws / 3600, within(1e-6));
        assertThat(d.slot().elapsedS()).isEqualTo(599.0);
        assertThat(d.slot().averageKw()).isCloseTo(kws / 599, within(1e-6));
        double projected = (kws + 200_000.0 * (1800 - 599)) / 1800;
        assertThat(d.slot().projectedKw()).isCloseTo(projected, within(1e-6));
        assertThat(d.slot().projectedMarginKw()).isCloseTo(150_000 - projected, within(1e-6));
        assertThat(d.slot().slotStart()).isEqualTo("2026-07-01T00:00:00Z");
        assertThat(d.slot().slotEnd()).isEqualTo("2026-07-01T00:30:00Z");
        assertThat(d.slot().unobservedS()).isZero();
        assertThat(d.note()).isNull();
        assertThat(d.slot().peakClosedSlotKw()).as("no slot has closed").isNaN();
    }

    @Test
    void aMissingReadingIsUnobservedTimeEstimatedAtTheObservedMean() {
        for (int k = 0; k < 11; k++) {
            feed(k + 1, SLOT + k * 1000L, k == 4 ? Double.NaN : 36_000);
        }
        LiveGridCode.Demand d = demand();
        assertThat(d.slot().unobservedS()).isEqualTo(1.0);
        assertThat(d.slot().observedS()).isEqualTo(9.0);
        assertThat(d.slot().importKwh()).isCloseTo(9 * 36_000 / 3600.0, within(1e-9));
        assertThat(d.slot().averageKw()).isCloseTo(36_000, within(1e-9));
        assertThat(d.slot().projectedKw())
                .as("a steady import projects to itself")
                .isCloseTo(36_000, within(1e-9));
        assertThat(d.note()).contains("1 s of this slot were not observed");
    }

    @Test
    void aServiceStartedMidSlotProjectsFromWhatItSaw() {
        long start = SLOT + 600_000; // 09:10 JST: ten minutes of the slot passed unseen
        for (int k = 0; k < 61; k++) {
            feed(k + 1, start + k * 1000L, k < 30 ? 40_000 : 70_000);
        }
        LiveGridCode.Demand d = demand();
        double seenKws = 30 * 40_000.0 + 30 * 70_000.0;
        assertThat(d.slot().observedS()).isEqualTo(60.0);
        assertThat(d.slot().unobservedS()).isEqualTo(600.0);
        assertThat(d.slot().averageKw()).isCloseTo(seenKws / 60, within(1e-9));
        double projected = (seenKws + seenKws / 60 * 600 + 70_000.0 * (1800 - 660)) / 1800;
        assertThat(d.slot().projectedKw()).isCloseTo(projected, within(1e-6));
    }

    @Test
    void aClosedSlotBecomesThePeakAndANewSlotStarts() {
        long start = SLOT + 1_790_000; // ten seconds before the slot ends
        for (int k = 0; k < 20; k++) {
            feed(k + 1, start + k * 1000L, k < 10 ? 90_000 : 30_000);
        }
        LiveGridCode.Demand d = demand();
        assertThat(d.slot().slotStart()).isEqualTo("2026-07-01T00:30:00Z");
        // the closed slot saw only its last ten seconds, all at 90 MW: its demand over the time covered
        assertThat(d.slot().peakClosedSlotKw()).isCloseTo(90_000, within(1e-6));
        assertThat(d.slot().importKwh()).isCloseTo(9 * 30_000 / 3600.0, within(1e-9));
    }

    @Test
    void beforeAnyCycleThereIsNothingToMeasure() {
        assertThat(window(0).samples()).isEqualTo(0);
        assertThat(demand().note()).isEqualTo("no cycle integrated yet");
        assertThat(demand().contractKw()).isEqualTo(150_000.0);
    }

    @Test
    void theBandShareIsJudgedOnlyWhenTheWindowResolvesTheBand() {
        SiteLimits site = ApiFixture.limits(150_000);
        LiveGridCode fast = new LiveGridCode(site, 100);
        for (int i = 0; i < 3000; i++) { // 5 min at 100 ms, a 5 MW swing at 1 Hz: inside 0.1-20 Hz
            fast.accept(new CycleSnapshot(
                    i + 1,
                    SLOT + i * 100L,
                    EmsState.RUNNING,
                    100_000 + 5_000 * Math.sin(2 * Math.PI * i / 10.0),
                    0,
                    60,
                    0,
                    0,
                    0.5,
                    "peak",
                    1,
                    0,
                    0,
                    0));
        }
        LiveGridCode.Window five = fast.view().windows().get(1);
        RuleVerdict band = verdict(five, "bandEnergyShare");
        assertThat(band.value()).isGreaterThan(0.9);
        assertThat(band.pass())
                .as("all the oscillation is in the band, 3.5 MW RMS above the 1 MW floor")
                .isFalse();
        assertThat(band.note()).isNull();

        for (int i = 0; i < 300; i++) { // 5 min at 1 s: bins of 1/64 Hz, coarser than 0.01 Hz
            feed(i + 1, SLOT + i * 1000L, 100_000 + 5_000 * Math.sin(2 * Math.PI * i / 5.0));
        }
        RuleVerdict coarse = verdict(window(1), "bandEnergyShare");
        assertThat(coarse.note()).startsWith("not judged live");
        assertThat(coarse.pass()).isTrue();
        assertThat(coarse.value()).as("still reported").isGreaterThan(0.5);
    }
}
