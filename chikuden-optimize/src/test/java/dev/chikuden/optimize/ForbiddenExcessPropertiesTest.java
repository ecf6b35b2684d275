package dev.chikuden.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.BadInputException;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import dev.chikuden.tariff.ContractRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * With {@code grid.exceedance: forbid} (the default) no month's planned peak passes the contract,
 * and no month's delivered peak passes it by more than the limiter's tolerance: on generated small
 * sites (a week at 30-minute steps, sometimes across a month's end; a plain reservoir or the
 * lfp-container preset; the contract auto or fixed), their LP and the plan played through the
 * battery model under the limiter.
 */
class ForbiddenExcessPropertiesTest {
    private final Path dir;

    ForbiddenExcessPropertiesTest() throws IOException {
        dir = Files.createTempDirectory("forbidden-excess");
    }

    @AfterProperty
    void cleanUp() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 200)
    void noMonthPassesTheContract(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double baseKw = 800 + rnd.nextDouble() * 4000;
        StringBuilder daily = new StringBuilder();
        for (int h = 0; h < 24; h++) {
            daily.append(h == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", 0.6 + rnd.nextDouble() * 0.9));
        }
        double energyKwh = 100 + rnd.nextDouble() * 3 * baseKw;
        double powerKw = 50 + rnd.nextDouble() * baseKw * 0.6;
        boolean preset = rnd.nextBoolean();
        String battery = preset
                ? String.format(
                        Locale.ROOT,
                        "{name: b, preset: lfp-container, energy: %.0f kWh, power: %.0f kW, "
                                + "maxCRate: {charge: %.2f, discharge: %.2f}}",
                        energyKwh,
                        powerKw,
                        0.25 + rnd.nextDouble() * 2,
                        0.25 + rnd.nextDouble() * 2)
                : String.format(
                        Locale.ROOT,
                        "{name: b, energy: %.0f kWh, power: %.0f kW, roundTripEfficiency: %.0f %%, "
                                + "soc: {min: %.0f %%, max: %.0f %%, initial: 50 %%}}",
                        energyKwh,
                        powerKw,
                        80 + rnd.nextDouble() * 20,
                        rnd.nextDouble() * 20,
                        80 + rnd.nextDouble() * 20);
        // a week starting on any day of the year: some cross a month's end
        LocalDate start = LocalDate.of(2025, 4, 1).plusDays(rnd.nextInt(358));
        boolean fixed = rnd.nextInt(4) == 0;
        double peakKw = baseKw * 1.5;
        String contract =
                fixed ? String.format(Locale.ROOT, "%.0f kW", peakKw * (0.85 + rnd.nextDouble() * 0.2)) : "auto";
        String yaml = String.format(
                Locale.ROOT,
                """
                name: generated %d
                timeZone: Asia/Tokyo
                grid: {contract: %s, voltage: high, frequency: 60}
                loads: [{name: l, type: profile, base: %.0f kW, daily: [%s], noise: %.1f %%, seed: %d}]
                batteries: [%s]
                ambient: {temperature: %.0f °C}
                study: {start: %s, duration: 7 d, step: 30 min}
                strategy: {type: idle}
                tariff: {preset: %s, powerFactor: 100 %%, marketPriceAdjustment: off}
                """,
                seed,
                contract,
                baseKw,
                daily,
                rnd.nextDouble() * 5,
                rnd.nextInt(1000),
                battery,
                rnd.nextDouble() * 35,
                start,
                rnd.nextBoolean() ? "kansai-high-voltage-as-tou" : "kansai-high-voltage-as");
        SiteConfig site = site(yaml);
        Optimization o;
        try {
            o = Optimization.of(site, 0, Solver.HIGHS, true, null, null);
        } catch (BadInputException e) {
            // only a fixed contract can be out of reach, and then it says so
            assertThat(fixed).as(yaml).isTrue();
            assertThat(e.getMessage()).contains("cannot hold every month's 30-minute demand at the contract");
            return;
        }
        double contractKw = o.delivery().bill().contractKw();
        double[] planned = o.plan().monthPeakKw();
        double[] delivered = o.delivery().monthlyPeakKw();
        assertThat(delivered).hasSameSizeAs(planned);
        for (int m = 0; m < planned.length; m++) {
            // the contract is the planned peak rounded up to a whole kW, within the rule's 10 W
            assertThat(ContractRule.contractOf(planned[m]))
                    .as("month %d planned, %s", m, yaml)
                    .isLessThanOrEqualTo(contractKw);
            assertThat(delivered[m])
                    .as("month %d delivered, %s", m, yaml)
                    .isLessThanOrEqualTo(contractKw * (1 + Delivery.LIMITER_TOLERANCE));
        }
    }

    private SiteConfig site(String yaml) {
        try {
            return SiteConfigReader.read(Files.writeString(dir.resolve("site.yaml"), yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
