package dev.chikuden.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LP keeps the simulated strategies' rule on exports (押し上げ): under a FIT term, or a buy-back
 * of PV surplus only, a period's export is at most its PV surplus, so the plan never sends stored
 * energy out, even where the export price beats the night rate (24 against 11 yen).
 */
class FitExportDispatchTest {
    @TempDir
    Path dir;

    private SiteConfig home(String export) throws IOException {
        return SiteConfigReader.read(Files.writeString(dir.resolve("home.yaml"), """
                name: home
                location: {latitude: 34.69, longitude: 135.50}
                grid: {voltage: low}
                loads:
                  - {type: profile, base: 0.5 kW}
                pv: {type: clear-sky, peak: 4.5 kW}
                batteries:
                  - {energy: 9.8 kWh, power: 4 kW, roundTripEfficiency: 90 %}
                study: {start: 2025-05-01, duration: 14 d, step: 30 min}
                strategy: {type: stack, controllers: [{type: self-consumption}]}
                tariff:
                  preset: kansai-hapi-e-time-r
                  contractCapacity: 10 kVA
                  export: EXPORT
                """.replace("EXPORT", export)));
    }

    /** The most a period exports beyond its PV surplus (load less PV, the battery's standby included). */
    private static double batteryExportKw(Optimization o) {
        double[] net = o.problem().netLoadKw();
        double worst = 0;
        for (int t = 0; t < net.length; t++) {
            worst = Math.max(worst, o.plan().exportKw()[t] - Math.max(0, -net[t]));
        }
        return worst;
    }

    @Test
    void underFitThePlanExportsOnlyThePvSurplus() throws IOException {
        Optimization fit = Optimization.of(
                home("{yenPerKwh: 8.0, fit: {yenPerKwh: 24, until: 2030-03}}"), 0, Solver.HIGHS, false, null, null);
        assertThat(batteryExportKw(fit)).isLessThan(1e-6);
        Optimization pvOnly =
                Optimization.of(home("{yenPerKwh: 24.0, batteryExport: false}"), 0, Solver.HIGHS, false, null, null);
        assertThat(batteryExportKw(pvOnly)).isLessThan(1e-6);
        // and the FIT price is worth having: the plan exports PV in the sunny hours
        assertThat(java.util.Arrays.stream(fit.plan().exportKw()).max().orElseThrow())
                .isGreaterThan(1.0);
    }
}
