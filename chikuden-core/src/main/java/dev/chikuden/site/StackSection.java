package dev.chikuden.site;

import dev.chikuden.BadInputException;
import dev.chikuden.config.ConfigNode;
import dev.chikuden.control.ControlLoop;
import dev.chikuden.control.SelfConsumption;
import dev.chikuden.trace.HeaderUnit;
import dev.chikuden.trace.TraceOptions;
import dev.chikuden.trace.TraceReader;
import dev.chikuden.units.Quantities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Makes {@code strategy: {type: stack, pcsRamp, controllers: [...]}}, highest priority first. */
final class StackSection {
    /** The longest MPC horizon: two weeks, at most two billing months. */
    static final long MAX_HORIZON_MS = 14 * 86_400_000L;

    private static final List<String> ENERGY_UNITS = List.of("wh", "kwh", "mwh", "gwh");

    private StackSection() {}

    /** @param lpPeriodMs the dispatch LP's period (optimize.step), which MPC horizons are counted in */
    /**
     * @param lpPeriodMs        the dispatch LP's period (optimize.step), which MPC horizons are counted in
     * @param converterRampKwPerS control.converter.ramp, the window's physical ramp limit
     */
    static StrategySpec.Stack read(
            SiteFile.Stack s, ConfigNode at, GridConnection grid, long lpPeriodMs, double converterRampKwPerS) {
        if (s.pcsRamp() != null) {
            at.get("pcsRamp")
                    .problem("has moved to control.converter.ramp (the converter's ramp belongs to the control "
                            + "chain): write control: {converter: {ramp: "
                            + at.get("pcsRamp").text() + "}}");
        }
        List<StrategySpec.Layer> layers = new ArrayList<>();
        List<ControlLoop> loops = new ArrayList<>();
        for (int i = 0; i < s.controllers().size(); i++) {
            ConfigNode c = at.get("controllers").get(i);
            StrategySpec.Layer l = c.clean() ? layer(s.controllers().get(i), c, grid, lpPeriodMs) : null;
            if (l != null) {
                layers.add(l);
                ConfigNode loop = c.get("loop");
                loops.add(loop.given() ? ControlLoop.valueOf(loop.text().toUpperCase(Locale.ROOT)) : null);
            }
        }
        return new StrategySpec.Stack(converterRampKwPerS, layers, loops);
    }

    private static StrategySpec.Layer layer(SiteFile.Layer layer, ConfigNode c, GridConnection grid, long lpPeriodMs) {
        if (layer instanceof SiteFile.BackupReserve b) {
            return new StrategySpec.BackupReserve(b.criticalLoad(), b.duration() / 3600);
        } else if (layer instanceof SiteFile.LoadDropAbsorber d) {
            return new StrategySpec.LoadDropAbsorber(d.maxDrop());
        } else if (layer instanceof SiteFile.GridCodeSmoothing g) {
            return new StrategySpec.GridCodeSmoothing(
                    g.maxRamp(), g.tolerance(), g.filter(), g.socTarget(), g.socBand(), g.socRecovery() / 3600);
        } else if (layer instanceof SiteFile.FrequencyResponse f) {
            return new StrategySpec.FrequencyResponse(f.deadband(), f.droop(), f.reserved());
        } else if (layer instanceof SiteFile.DemandLimiter d) {
            return demandLimiter(d, c, grid);
        } else if (layer instanceof SiteFile.Schedule s) {
            return schedule(s, c);
        } else if (layer instanceof SiteFile.Mpc m) {
            return mpc(m, c, lpPeriodMs);
        } else if (layer instanceof SiteFile.SelfConsumption sc) {
            return selfConsumption(sc, c);
        } else if (layer instanceof SiteFile.Fleet) {
            return new StrategySpec.Fleet();
        }
        return new StrategySpec.Manual();
    }

    private static StrategySpec.SelfConsumption selfConsumption(SiteFile.SelfConsumption sc, ConfigNode c) {
        SiteFile.GridCharge g = sc.gridCharge();
        if (g == null) {
            return new StrategySpec.SelfConsumption(null);
        }
        if (g.from().equals(g.to())) {
            c.get("gridCharge").get("to").problem("is the same time as from; a window needs two times");
            return null;
        }
        return new StrategySpec.SelfConsumption(new SelfConsumption.GridCharge(
                java.time.LocalTime.parse(g.from()), java.time.LocalTime.parse(g.to()), g.upTo()));
    }

    private static StrategySpec.DemandLimiter demandLimiter(
            SiteFile.DemandLimiter d, ConfigNode c, GridConnection grid) {
        if (d.target() != null && d.margin() != null) {
            c.get("margin").problem("give either target or margin (below the contract), not both");
            return null;
        }
        if (d.target() == null && grid.contract().auto()) {
            c.problem("needs a target (e.g. target: 112 MW): a margin is taken below a fixed grid.contract, and "
                    + "grid.contract is auto (each case at its own peak)");
            return null;
        }
        double target =
                d.target() != null ? d.target() : grid.contractKw() * (1 - (d.margin() != null ? d.margin() : 0.03));
        return new StrategySpec.DemandLimiter(
                target, d.rechargeSoc(), d.maxRecharge() == null ? Double.POSITIVE_INFINITY : d.maxRecharge());
    }

    private static StrategySpec.Schedule schedule(SiteFile.Schedule s, ConfigNode c) {
        Path path = c.file(s.file());
        if (!Files.isRegularFile(path)) {
            c.get("file").problem("\"" + s.file() + "\" does not exist (looked for " + path + ")");
            return null;
        }
        boolean energy = "energy".equals(s.of());
        return scheduleFits(c, path, energy) ? new StrategySpec.Schedule(path, energy) : null;
    }

    /**
     * Whether the schedule's column (the first value column) holds what {@code of} reads it as, as
     * far as its name tells: kW per slot read as kWh would double a half-hour slot's power.
     */
    private static boolean scheduleFits(ConfigNode c, Path path, boolean energy) {
        String column;
        try {
            column = TraceReader.read(path, TraceOptions.values(java.time.ZoneOffset.UTC))
                    .input()
                    .column();
        } catch (BadInputException e) {
            c.get("file").problem(e.getMessage());
            return false;
        }
        Kind kind = kindOf(column);
        if (kind == Kind.UNKNOWN || (kind == Kind.ENERGY) == energy) {
            return true;
        }
        String where = "column \"" + column + "\" of " + path;
        c.get("of")
                .problem(
                        energy
                                ? where
                                        + " names power (kW), and of: energy would read it as kWh per slot; use of: power (the "
                                        + "default) for a power schedule such as optimize --schedule writes, or a column of kWh per slot"
                                : where
                                        + " names energy (kWh), and of: power would read it as kW; use of: energy, or a column of kW");
        return false;
    }

    /** What a column's name says it holds. */
    private enum Kind {
        POWER,
        ENERGY,
        UNKNOWN
    }

    /** ENERGY for kWh (any prefix, any case) or the word energy, POWER for a power unit or the word power. */
    private static Kind kindOf(String column) {
        boolean power = false;
        boolean energy = false;
        for (String word : column.split("[^A-Za-z0-9]+")) {
            String w = word.toLowerCase(Locale.ROOT);
            energy |= ENERGY_UNITS.contains(w)
                    || w.equals("energy")
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
        return at >= 1
                && Character.isUpperCase(word.charAt(at))
                && (Character.isLowerCase(word.charAt(at - 1)) || Character.isDigit(word.charAt(at - 1)));
    }

    /**
     * {@code {type: mpc, horizon: 48 h, every: 30 min, forecast: seasonal-naive, noise: 5 %, seed: 1,
     * prices: seasonal-naive}}.
     */
    private static StrategySpec.Mpc mpc(SiteFile.Mpc m, ConfigNode c, long lpPeriodMs) {
        String lp = Quantities.formatDuration(lpPeriodMs / 1000.0);
        ConfigNode horizon = c.get("horizon");
        long horizonMs = Math.round(m.horizon() * 1000);
        if (horizonMs < lpPeriodMs) {
            horizon.problem("\"" + horizon.text() + "\" is shorter than the LP period of " + lp
                    + " (optimize.step); the horizon holds at least one period");
        } else if (horizonMs % lpPeriodMs != 0) {
            horizon.problem("\"" + horizon.text() + "\" is not a whole number of LP periods of " + lp
                    + " (optimize.step); the horizon is solved in those periods");
        } else if (horizonMs > MAX_HORIZON_MS) {
            horizon.problem("\"" + horizon.text() + "\" is longer than 14 d; a longer forecast adds solve time and "
                    + "little else");
        }
        ConfigNode every = c.get("every");
        long everyMs = m.every() == null ? lpPeriodMs : Math.round(m.every() * 1000);
        if (everyMs % lpPeriodMs != 0) {
            every.problem("\"" + every.text() + "\" is not a whole multiple of the LP period of " + lp
                    + " (optimize.step); plans are made at period starts");
        } else if (horizon.clean() && everyMs > horizonMs) {
            every.problem("\"" + every.text() + "\" is longer than the horizon of "
                    + Quantities.formatDuration(m.horizon()) + "; the plan would run out before the next one");
        }
        for (String key : List.of("noise", "seed")) {
            if (c.get(key).writtenHere() && !"noisy".equals(m.forecast())) {
                c.get(key).problem("applies only to forecast: noisy (this forecast is " + m.forecast() + ")");
            }
        }
        if (!c.clean()) {
            return null;
        }
        return new StrategySpec.Mpc(
                m.horizon() / 3600,
                everyMs,
                StrategySpec.Mpc.Forecast.valueOf(
                        m.forecast().toUpperCase(Locale.ROOT).replace('-', '_')),
                m.noise(),
                m.seed(),
                StrategySpec.Mpc.Prices.valueOf(
                        m.prices().toUpperCase(Locale.ROOT).replace('-', '_')));
    }
}
