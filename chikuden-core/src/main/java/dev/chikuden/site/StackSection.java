package dev.chikuden.site;

import dev.chikuden.units.Dimension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code strategy: {type: stack, pcsRamp, controllers: [...]}}, highest priority first. */
final class StackSection {
    static final List<String> TYPES = List.of("backup-reserve", "load-drop-absorber", "grid-code-smoothing",
            "frequency-response", "demand-limiter", "schedule", "manual");

    private StackSection() {
    }

    static StrategySpec.Stack read(YamlMap m, GridConnection grid, Path siteFile) {
        double ramp = m.positive("pcsRamp", Dimension.POWER_RATE, Double.POSITIVE_INFINITY, true);
        List<StrategySpec.Layer> layers = new ArrayList<>();
        for (YamlMap c : m.maps("controllers", true, "controllers (highest priority first)")) {
            StrategySpec.Layer l = layer(c, grid, siteFile);
            c.finish();
            if (l != null) {
                layers.add(l);
            }
        }
        return new StrategySpec.Stack(Double.isNaN(ramp) ? Double.POSITIVE_INFINITY : ramp, List.copyOf(layers));
    }

    private static StrategySpec.Layer layer(YamlMap c, GridConnection grid, Path siteFile) {
        String type = c.choice("type", null, TYPES);
        if (type == null) {
            return null;
        }
        switch (type) {
            case "backup-reserve": {
                double load = c.positive("criticalLoad", Dimension.POWER, Double.NaN, true);
                double duration = c.positive("duration", Dimension.DURATION, Double.NaN, true);
                return ok(load, duration) ? new StrategySpec.BackupReserve(load, duration / 3600) : null;
            }
            case "load-drop-absorber": {
                double drop = c.positive("maxDrop", Dimension.POWER_RATE, Double.NaN, true);
                return ok(drop) ? new StrategySpec.LoadDropAbsorber(drop) : null;
            }
            case "grid-code-smoothing": {
                double ramp = c.positive("maxRamp", Dimension.POWER_RATE, Double.NaN, true);
                double tolerance = c.positive("tolerance", Dimension.POWER, Double.NaN, false);
                double filter = c.positive("filter", Dimension.DURATION, 60, true);
                double target = c.fraction("socTarget", 0.6, 0, 1, false, "an SOC");
                double band = c.fraction("socBand", 0.15, 0, 0.5, false, "an SOC band");
                double recovery = c.positive("socRecovery", Dimension.DURATION, 7200, true);
                return ok(ramp, tolerance, filter, target, band, recovery)
                        ? new StrategySpec.GridCodeSmoothing(ramp, tolerance, filter, target, band, recovery / 3600) : null;
            }
            case "frequency-response": {
                double deadband = c.positive("deadband", Dimension.FREQUENCY, 0.02, false);
                double droop = c.fraction("droop", 0.05, 0, 1, true, "a droop");
                double reserved = c.positive("reserved", Dimension.POWER, Double.NaN, true);
                return ok(deadband, droop, reserved) ? new StrategySpec.FrequencyResponse(deadband, droop, reserved) : null;
            }
            case "demand-limiter": {
                if (c.has("target") && c.has("margin")) {
                    c.problem("margin", "give either target or margin (below the contract), not both");
                    return null;
                }
                double margin = c.fraction("margin", 0.03, 0, 0.5, false, "a margin below the contract");
                double target = c.has("target") ? c.positive("target", Dimension.POWER, Double.NaN, true)
                        : grid.contractKw() * (1 - margin);
                double soc = c.fraction("rechargeSoc", 0.6, 0, 1, false, "an SOC");
                double recharge = c.positive("maxRecharge", Dimension.POWER, Double.POSITIVE_INFINITY, false);
                return ok(target, soc, recharge) ? new StrategySpec.DemandLimiter(target, soc, recharge) : null;
            }
            case "schedule": {
                String file = c.text("file", null);
                boolean energy = "energy".equals(c.choice("of", "power", List.of("power", "energy")));
                if (file == null) {
                    return null;
                }
                Path path = siteFile.toAbsolutePath().getParent().resolve(file).normalize();
                if (!Files.isRegularFile(path)) {
                    c.problem("file", "\"" + file + "\" does not exist (looked for " + path + ")");
                    return null;
                }
                return new StrategySpec.Schedule(path, energy);
            }
            default:
                return new StrategySpec.Manual();
        }
    }

    private static boolean ok(double... values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }
}
