package dev.chikuden.site;

import dev.chikuden.BadInputException;
import dev.chikuden.load.trace.HeaderUnit;
import dev.chikuden.time.SeriesCsv;
import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads {@code strategy: {type: stack, pcsRamp, controllers: [...]}}, highest priority first. */
final class StackSection {
    static final List<String> TYPES = List.of("backup-reserve", "load-drop-absorber", "grid-code-smoothing",
            "frequency-response", "demand-limiter", "schedule", "mpc", "manual");
    /** The longest MPC horizon: two weeks, at most two billing months. */
    static final long MAX_HORIZON_MS = 14 * 86_400_000L;
    private static final List<String> ENERGY_UNITS = List.of("wh", "kwh", "mwh", "gwh");

    private StackSection() {
    }

    /** @param lpPeriodMs the dispatch LP's period (optimize.step), which MPC horizons are counted in */
    static StrategySpec.Stack read(YamlMap m, GridConnection grid, Path siteFile, long lpPeriodMs) {
        double ramp = m.positive("pcsRamp", Dimension.POWER_RATE, Double.POSITIVE_INFINITY, true);
        List<StrategySpec.Layer> layers = new ArrayList<>();
        for (YamlMap c : m.maps("controllers", true, "controllers (highest priority first)")) {
            StrategySpec.Layer l = layer(c, grid, siteFile, lpPeriodMs);
            c.finish();
            if (l != null) {
                layers.add(l);
            }
        }
        return new StrategySpec.Stack(Double.isNaN(ramp) ? Double.POSITIVE_INFINITY : ramp, List.copyOf(layers));
    }

    private static StrategySpec.Layer layer(YamlMap c, GridConnection grid, Path siteFile, long lpPeriodMs) {
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
                if (!c.has("target") && grid.contract().auto()) {
                    c.problem(null, c.path(), "needs a target (e.g. target: 112 MW): a margin is taken below a fixed "
                            + "grid.contract, and grid.contract is auto (each case at its own peak)");
                    return null;
                }
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
                return scheduleFits(c, path, energy) ? new StrategySpec.Schedule(path, energy) : null;
            }
            case "mpc":
                return mpc(c, lpPeriodMs);
            default:
                return new StrategySpec.Manual();
        }
    }

    /**
     * Whether the schedule's column (the first value column) holds what {@code of} reads it as, as
     * far as its name tells: kW per slot read as kWh would double a half-hour slot's power.
     */
    private static boolean scheduleFits(YamlMap c, Path path, boolean energy) {
        String column;
        try {
            column = SeriesCsv.valueColumnName(path, null);
        } catch (BadInputException e) {
            c.problem("file", e.getMessage());
            return false;
        }
        Kind kind = kindOf(column);
        if (kind == Kind.UNKNOWN || (kind == Kind.ENERGY) == energy) {
            return true;
        }
        String where = "column \"" + column + "\" of " + path;
        c.problem("of", energy
                ? where + " names power (kW), and of: energy would read it as kWh per slot; use of: power (the "
                        + "default) for a power schedule such as optimize --schedule writes, or a column of kWh per slot"
                : where + " names energy (kWh), and of: power would read it as kW; use of: energy, or a column of kW");
        return false;
    }

    /** What a column's name says it holds. */
    private enum Kind { POWER, ENERGY, UNKNOWN }

    /** ENERGY for kWh (any prefix, any case) or the word energy, POWER for a power unit or the word power. */
    private static Kind kindOf(String column) {
        boolean power = false;
        boolean energy = false;
        for (String word : column.split("[^A-Za-z0-9]+")) {
            String w = word.toLowerCase(Locale.ROOT);
            energy |= ENERGY_UNITS.contains(w) || w.equals("energy")
                    || ENERGY_UNITS.stream().anyMatch(u -> w.endsWith(u) && camel(word, u.length()));
            power |= w.equals("power");
        }
        try {
            power |= HeaderUnit.of(column) != null;
        } catch (IllegalArgumentException e) {
            power = true; // milliwatts or two power units: power all the same
        }
        return energy == power ? Kind.UNKNOWN : energy ? Kind.ENERGY : Kind.POWER;
    }

    /** {@code batteryKwh}: the unit starts with a capital after a lower-case letter or digit. */
    private static boolean camel(String word, int unitLength) {
        int at = word.length() - unitLength;
        return at >= 1 && Character.isUpperCase(word.charAt(at))
                && (Character.isLowerCase(word.charAt(at - 1)) || Character.isDigit(word.charAt(at - 1)));
    }

    /** {@code {type: mpc, horizon: 48 h, every: 30 min, forecast: seasonal-naive, noise: 5 %, seed: 1}}. */
    private static StrategySpec.Mpc mpc(YamlMap c, long lpPeriodMs) {
        String lp = Quantities.formatDuration(lpPeriodMs / 1000.0);
        double horizonS = c.positive("horizon", Dimension.DURATION, 48 * 3600, true);
        long horizonMs = Math.round(horizonS * 1000);
        if (!Double.isNaN(horizonS)) {
            if (horizonMs < lpPeriodMs) {
                c.problem("horizon", "\"" + c.text("horizon", "") + "\" is shorter than the LP period of " + lp
                        + " (optimize.step); the horizon holds at least one period");
                horizonS = Double.NaN;
            } else if (horizonMs % lpPeriodMs != 0) {
                c.problem("horizon", "\"" + c.text("horizon", "") + "\" is not a whole number of LP periods of " + lp
                        + " (optimize.step); the horizon is solved in those periods");
                horizonS = Double.NaN;
            } else if (horizonMs > MAX_HORIZON_MS) {
                c.problem("horizon", "\"" + c.text("horizon", "") + "\" is longer than 14 d; a longer forecast "
                        + "adds solve time and little else");
                horizonS = Double.NaN;
            }
        }
        double everyS = c.positive("every", Dimension.DURATION, lpPeriodMs / 1000.0, true);
        long everyMs = Math.round(everyS * 1000);
        if (!Double.isNaN(everyS)) {
            if (everyMs % lpPeriodMs != 0) {
                c.problem("every", "\"" + c.text("every", "") + "\" is not a whole multiple of the LP period of " + lp
                        + " (optimize.step); plans are made at period starts");
                everyS = Double.NaN;
            } else if (!Double.isNaN(horizonS) && everyMs > horizonMs) {
                c.problem("every", "\"" + c.text("every", "") + "\" is longer than the horizon of "
                        + Quantities.formatDuration(horizonS) + "; the plan would run out before the next one");
                everyS = Double.NaN;
            }
        }
        String forecast = c.choice("forecast", "seasonal-naive", List.of("perfect", "seasonal-naive", "noisy"));
        double noise = c.fraction("noise", 0.05, 0, 1, false, "a noise level");
        for (String key : List.of("noise", "seed")) {
            if (c.has(key) && forecast != null && !"noisy".equals(forecast)) {
                c.problem(key, "applies only to forecast: noisy (this forecast is " + forecast + ")");
            }
        }
        double seed = c.number("seed", 1, -9.0e15, 9.0e15);
        if (!ok(horizonS, everyS, noise, seed) || forecast == null) {
            return null;
        }
        StrategySpec.Mpc.Forecast f = "perfect".equals(forecast) ? StrategySpec.Mpc.Forecast.PERFECT
                : "noisy".equals(forecast) ? StrategySpec.Mpc.Forecast.NOISY : StrategySpec.Mpc.Forecast.SEASONAL_NAIVE;
        return new StrategySpec.Mpc(horizonS / 3600, everyMs, f, noise, (long) seed);
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
