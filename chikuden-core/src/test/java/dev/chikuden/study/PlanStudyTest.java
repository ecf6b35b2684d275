package dev.chikuden.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanStudyTest {
    @TempDir
    Path dir;

    /** A site whose load comes from a CSV file, simulated with and without an idle battery. */
    @Test
    void aCsvLoadFlowsThroughTheWholeStudy() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,power_mw\n");
        for (int h = 0; h < 24; h++) {
            csv.append(String.format("2025-07-01T%02d:00:00+09:00,%d%n", h, h < 12 ? 2 : 4));
        }
        Files.writeString(dir.resolve("load.csv"), csv);
        Files.writeString(dir.resolve("site.yaml"), """
                name: CSV site
                grid: {contract: 5 MW}
                loads:
                  - {name: meter, type: csv, file: load.csv, column: power_mw, unit: MW}
                batteries:
                  - {energy: 4 MWh, power: 1 MW, roundTripEfficiency: 100 %, soc: {min: 0 %, max: 100 %, initial: 100 %}}
                study: {start: 2025-07-01, duration: 1 d, step: 15 min}
                strategy: {type: peak-shaving, dischargeAbove: 3.5 MW, chargeBelow: 0 kW}
                """);
        SiteConfig site = SiteConfigReader.read(dir.resolve("site.yaml"));
        PlanStudy.Result r = PlanStudy.run(site, PlanStudy.SinkFactory.NONE);
        assertThat(r.withoutBattery().gridKpis().energyImportedKwh()).isCloseTo(12 * 2000 + 12 * 4000, offset(1e-6));
        assertThat(r.withoutBattery().gridKpis().peakDemand30minKw()).isCloseTo(4000, offset(1e-9));
        // 0.5 MW shaved for 8 h until the 4 MWh are spent (lossless), then 4 MW again
        assertThat(r.withBattery().battery().acDischargedKwh()).isCloseTo(4000, offset(1e-6));
        assertThat(r.withBattery().gridKpis().peakDemand30minKw()).isCloseTo(4000, offset(1e-9));
        assertThat(r.withBattery().gridKpis().energyImportedKwh()).isCloseTo(12 * 2000 + 12 * 4000 - 4000, offset(1e-6));
        assertThat(r.stepsSimulated()).isEqualTo(2 * 96);
    }
}
