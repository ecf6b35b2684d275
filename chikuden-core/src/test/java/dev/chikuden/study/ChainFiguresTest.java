package dev.chikuden.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.control.ControlChain;
import dev.chikuden.gridcode.GridCodeMetrics;
import dev.chikuden.gridcode.GridCodeReport;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-hour site at 1 s whose load falls by 8 MW in one second at 01:30: the chain's figures beside
 * the ideal ones, and the latency the site tolerates on the hour of the fall.
 */
class ChainFiguresTest {
    @TempDir
    static Path dir;

    static SiteConfig site;
    static PlanStudy.Result result;

    /** Writes the site: a slow 1 MW/h rise with the fall at 01:30, an absorber holding falls to 1 MW/s. */
    static SiteConfig write(Path dir, String step) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,power_mw\n");
        for (int s = 0; s < 3 * 3600; s++) {
            double mw = (s < 5400 ? 10 : 2) + s / 3600.0;
            csv.append(String.format(
                    java.util.Locale.ROOT,
                    "2025-07-01T%02d:%02d:%02d+09:00,%.6f%n",
                    s / 3600,
                    s / 60 % 60,
                    s % 60,
                    mw));
        }
        Files.writeString(dir.resolve("load.csv"), csv);
        Files.writeString(dir.resolve("rules.yaml"), """
                ramp:
                  downPerSecond: 3 MW
                """);
        Files.writeString(dir.resolve("site.yaml"), """
                name: Drop site
                timeZone: Asia/Tokyo
                grid: {contract: 20 MW}
                loads:
                  - {name: meter, type: csv, file: load.csv, column: power_mw, unit: MW}
                batteries:
                  - {energy: 20 MWh, power: 10 MW, roundTripEfficiency: 100 %, soc: {min: 0 %, max: 100 %, initial: 50 %}}
                study: {start: 2025-07-01, duration: 3 h, step: STEP}
                gridCode: {rules: rules.yaml}
                strategy:
                  type: stack
                  controllers:
                    - {type: load-drop-absorber, maxDrop: 1 MW/s}
                """.replace("STEP", step));
        return SiteConfigReader.read(dir.resolve("site.yaml"));
    }

    @BeforeAll
    static void plan() throws IOException {
        site = write(dir, "1 s");
        result = PlanStudy.run(site, PlanStudy.SinkFactory.NONE);
    }

    @Test
    void theChainIsSimulatedWithTheDefaults() {
        assertThat(site.control()).isNotNull();
        assertThat(site.control().totalLatencyS()).isCloseTo(0.25, offset(1e-12));
        assertThat(PlanStudy.chainSimulated(site)).isTrue();
        assertThat(result.idealGridCode()).isNotNull();
        assertThat(result.latency()).isNotNull();
    }

    /** The ideal figures are those of the same site run on its own under the ideal chain. */
    @Test
    void theIdealFiguresAreASeparateRunUnderTheIdealChain() {
        SiteConfig ideal =
                site.withControl(ControlChain.ideal(1000, site.control().converterRampKwPerS()));
        PlanStudy.Result alone = PlanStudy.run(ideal, PlanStudy.SinkFactory.NONE);
        assertThat(alone.idealGridCode()).isNull();
        GridCodeMetrics a = result.idealGridCode().metrics();
        GridCodeMetrics b = alone.withBatteryGridCode().metrics();
        assertThat(a.maxRampDownKwPerS()).isEqualTo(b.maxRampDownKwPerS());
        assertThat(a.maxRampUpKwPerS()).isEqualTo(b.maxRampUpKwPerS());
        assertThat(a.dynamicRangeKw()).isEqualTo(b.dynamicRangeKw());
        assertThat(a.loadDropEvents()).isEqualTo(b.loadDropEvents());
        assertThat(a.peakDemand30minKw()).isEqualTo(b.peakDemand30minKw());
        assertThat(result.idealGridCode().verdicts())
                .isEqualTo(alone.withBatteryGridCode().verdicts());
        // the absorber holds the fall to 1 MW/s when nothing lags
        assertThat(a.maxRampDownKwPerS()).isCloseTo(1000, offset(1.0));
        // the chain's latency lets part of the first second's fall through
        assertThat(result.withBatteryGridCode().metrics().maxRampDownKwPerS()).isGreaterThan(1001);
    }

    @Test
    void theWorstHourHoldsTheFall() {
        LatencyTolerance t = result.latency();
        assertThat(ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(t.hourStartEpochMs()), site.zone())
                        .toLocalTime())
                .hasToString("01:00");
        assertThat(t.largestChangeKw()).isCloseTo(8000, offset(1.0));
        // the battery charged nothing before the fall: its SOC is the initial one
        assertThat(t.socAtWarmUp()).isCloseTo(0.5, offset(1e-9));
        assertThat(t.configuredLatencyMs()).isEqualTo(250);
    }

    /** At the reported latency every rule passes on the hour; 10 ms more and one fails. */
    @Test
    void theToleratedLatencyIsTheEdge() {
        LatencyTolerance t = result.latency();
        assertThat(t.capped()).isFalse();
        assertThat(t.passesWithoutLatency()).isTrue();
        assertThat(t.toleratedMs()).isBetween(10L, LatencyTolerance.SEARCH_MAX_MS - 10);
        assertThat(t.toleratedMs() % LatencyTolerance.RESOLUTION_MS).isZero();
        WorstHour hour = new WorstHour(site, t.hourStartEpochMs(), t.socAtWarmUp());
        GridCodeReport at = hour.report(WorstHour.withTotalLatency(site.control(), t.toleratedMs()));
        GridCodeReport above = hour.report(WorstHour.withTotalLatency(site.control(), t.toleratedMs() + 10));
        assertThat(at.pass()).as("passes at %d ms", t.toleratedMs()).isTrue();
        assertThat(above.pass()).as("fails at %d ms", t.toleratedMs() + 10).isFalse();
        assertThat(t.failuresAbove()).containsExactly("maxRampDownMwPerS");
        assertThat(t.configuredFailures().isEmpty()).isEqualTo(t.toleratedMs() >= 250);
    }

    @Test
    void aQuarterHourStepSimulatesNoChain(@TempDir Path other) throws IOException {
        SiteConfig coarse = write(other, "15 min");
        PlanStudy.Result r = PlanStudy.run(coarse, PlanStudy.SinkFactory.NONE);
        assertThat(PlanStudy.chainSimulated(coarse)).isFalse();
        assertThat(r.idealGridCode()).isNull();
        assertThat(r.latency()).isNull();
        assertThat(r.stepsSimulated()).isEqualTo(2 * 12);
    }
}
