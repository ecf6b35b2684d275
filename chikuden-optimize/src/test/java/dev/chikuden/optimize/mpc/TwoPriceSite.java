package dev.chikuden.optimize.mpc;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Three June weekdays at 5-minute steps, each a cheap morning (10 yen/kWh before levy) and a dear
 * afternoon (30): 900 kW in the morning under a 1 MW contract leaves about 100 kW to charge in, so
 * filling the battery takes the whole cheap half-day and a misjudged load costs. The battery is a
 * linear reservoir (1 MWh, 250 kW, 95 % each way, half full at the start and at least at the end),
 * so the LP's model of it is exact.
 */
final class TwoPriceSite {
    static final BatteryParameters RESERVOIR = BatteryParameters.reservoir("reservoir", 1000, 250, 250, 0.95, 0.95,
            0, 1, 0.5, 0);

    private TwoPriceSite() {
    }

    /** The site with the given stack (YAML flow sequence of controllers). */
    static SiteConfig with(Path dir, String controllers) {
        try {
            Path file = dir.resolve("two-price.yaml");
            Files.writeString(file, """
                    name: Two-price days
                    grid: {contract: 1 MW}
                    loads:
                      - type: profile
                        base: 800 kW
                        daily: [1.125, 1.125, 1.125, 1.125, 1.125, 1.125, 1.125, 1.125, 1.125, 1.125, 1.125, 1.125,
                                1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
                    batteries: [{energy: 1 MWh, power: 250 kW}]
                    study: {start: 2025-06-02, duration: 3 d, step: 5 min}
                    strategy: {type: stack, controllers: %s}
                    tariff:
                      preset: kansai-high-voltage-as
                      marketPriceAdjustment: off
                      energy:
                        - {band: cheap, hours: [0, 12], yenPerKwh: 10}
                        - {band: dear, yenPerKwh: 30}
                    """.formatted(controllers));
            return SiteConfigReader.read(file).withBatteries(List.of(RESERVOIR));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
