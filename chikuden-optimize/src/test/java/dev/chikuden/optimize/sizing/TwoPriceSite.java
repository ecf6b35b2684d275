package dev.chikuden.optimize.sizing;

import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A week of a flat 1 MW load under two energy prices, 30 yen/kWh from 08:00 to 20:00 and 10 yen
 * otherwise, no demand charge, and a lossless battery without aging (its dispatch priced at 0.5 yen
 * of wear per kWh, which the saving leaves out): each day a battery of
 * E kWh (and power enough to fill it in the 8 night hours) saves 20 yen x E, a year 365 x 20 x E.
 */
final class TwoPriceSite {
    static final String YAML = """
            name: Two-price week
            grid:
              contract: 2 MW
            loads:
              - name: flat
                type: profile
                base: 1000 kW
            batteries:
              - name: b
                energy: 400 kWh
                power: 100 kW
                roundTripEfficiency: 100 %
                soc: {min: 0 %, max: 100 %, initial: 0 %}
            study:
              start: 2025-04-07
              duration: 7 d
              step: 30 min
            strategy: {type: idle}
            tariff:
              name: two prices
              basicChargeYenPerKwMonth: 0
              energy:
                - {band: day, hours: [8, 20], yenPerKwh: 30}
                - {band: night, yenPerKwh: 10}
              renewableLevy: {FY2025: 0}
            optimize: {degradationCost: 0.5}   # wear makes the dispatch unique; the saving leaves it out
            finance:
              capexYenPerKwh: 20000
              capexYenPerKw: 10000
              fixedOmYenPerKwYear: 0
              discountRate: 5 %
              years: 10
            sizing:
              power: [100 kW, 200 kW]
              energy: [400 kWh, 800 kWh]
            outage:
              criticalLoad: 50 kW
              durations: [1 h, 4 h, 20 h]
            """;

    private TwoPriceSite() {
    }

    static SiteConfig write(Path dir, String yaml) {
        try {
            return SiteConfigReader.read(Files.writeString(dir.resolve("site.yaml"), yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
