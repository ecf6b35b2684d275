package dev.chikuden.site;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.time.Interpolation;
import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a site YAML file into a validated {@link SiteConfig}. Fail-fast and complete: the whole
 * file is read, every problem is collected (file, line, column, field, bad value, what is allowed)
 * and a {@link ConfigException} lists them all. See {@code examples/} for the format.
 */
public final class SiteConfigReader {
    /** Finest and coarsest study step. */
    public static final long MIN_STEP_MS = 100;
    public static final long MAX_STEP_MS = 3_600_000;

    private final Path file;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private SiteConfigReader(Path file) {
        this.file = file;
    }

    /** Reads and validates {@code file}. */
    public static SiteConfig read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new SiteConfigReader(file).parse(r);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", "no such file")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SiteConfig parse(Reader reader) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new ConfigException(List.of(new ConfigProblem(file, mark.getLine() + 1, mark.getColumn() + 1, "",
                    "not valid YAML: " + e.getProblem())));
        } catch (YAMLException e) {
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", "not valid YAML: " + e.getMessage())));
        }
        if (root == null) {
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "",
                    "the file is empty; a site needs at least name, grid, loads and study")));
        }
        YamlMap top = new YamlMap(file, problems, "", root);
        String name = top.text("name", null);
        ZoneId zone = zone(top);
        Location location = location(top.map("location"));
        GridConnection grid = grid(top.map("grid"));
        if (!top.has("grid")) {
            top.problem(null, "grid", "is required: the grid connection (contract, voltage)");
        }
        List<LoadSpec> loads = new ArrayList<>();
        for (YamlMap m : top.maps("loads", true, "loads")) {
            LoadSpec l = load(m);
            if (l != null) {
                loads.add(l);
            }
        }
        PvSpec pv = top.has("pv") ? pv(top.map("pv"), location) : null;
        List<BatteryParameters> batteries = new ArrayList<>();
        List<YamlMap> batteryMaps = top.maps("batteries", false, "batteries");
        for (int i = 0; i < batteryMaps.size(); i++) {
            BatteryParameters b = battery(batteryMaps.get(i), i);
            if (b != null) {
                batteries.add(b);
            }
        }
        if (!top.has("study")) {
            top.problem(null, "study", "is required: start, duration (or end) and step");
        }
        StudyPeriod study = study(top.map("study"), zone);
        StrategySpec strategy = strategy(top, !batteryMaps.isEmpty());
        OutputSpec output = output(top.map("output"), study);
        top.finish();
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
            throw new ConfigException(problems);
        }
        return new SiteConfig(file, name, zone, location, grid, List.copyOf(loads), pv, List.copyOf(batteries),
                study, strategy, output);
    }

    private ZoneId zone(YamlMap top) {
        String text = top.text("timeZone", "Asia/Tokyo");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            top.problem("timeZone", "\"" + text + "\" is not a time zone; use a region ID such as Asia/Tokyo");
            return ZoneId.of("Asia/Tokyo");
        }
    }

    private Location location(YamlMap m) {
        if (m.raw("latitude") == null && m.raw("longitude") == null) {
            m.finish();
            return null;
        }
        double lat = m.number("latitude", Double.NaN, -90, 90);
        double lon = m.number("longitude", Double.NaN, -180, 180);
        m.finish();
        return Double.isNaN(lat) || Double.isNaN(lon) ? null : new Location(lat, lon);
    }

    private GridConnection grid(YamlMap m) {
        double contract = m.positive("contract", Dimension.POWER, Double.NaN, true);
        String voltage = m.choice("voltage", "high", List.of("low", "high", "extra-high"));
        String hz = m.text("frequency", "60");
        double frequency = Double.NaN;
        String digits = hz == null ? "" : hz.replace("Hz", "").trim();
        if (digits.equals("50") || digits.equals("60")) {
            frequency = Double.parseDouble(digits);
        } else {
            m.problem("frequency", "\"" + hz + "\" is not a grid frequency; allowed: 50 (east Japan) or 60 (west Japan)");
        }
        m.finish();
        VoltageClass vc = voltage == null ? VoltageClass.HIGH
                : VoltageClass.valueOf(voltage.toUpperCase().replace('-', '_'));
        return new GridConnection(contract, vc, frequency);
    }

    private LoadSpec load(YamlMap m) {
        String name = m.text("name", m.path());
        String type = m.choice("type", null, List.of("profile", "csv"));
        LoadSpec spec = null;
        if ("profile".equals(type)) {
            double base = m.positive("base", Dimension.POWER, Double.NaN, false);
            double[] daily = m.numbers("daily");
            if (daily != null && daily.length != 24) {
                m.problem("daily", "has " + daily.length + " values; give 24 factors, one per local hour 0-23");
                daily = null;
            } else if (daily != null) {
                for (double f : daily) {
                    if (f < 0) {
                        m.problem("daily", "factor " + f + " is negative; factors scale the base load and must be >= 0");
                        daily = null;
                        break;
                    }
                }
            } else if (!m.has("daily")) {
                daily = flat();
            }
            double weekend = m.number("weekendFactor", 1, 0, 10);
            double noise = m.fraction("noise", 0, 0, 0.5, false, "noise (standard deviation over load)");
            double seed = m.number("seed", 1, -9.0e15, 9.0e15);
            if (daily != null) {
                spec = new DailyProfileLoadSpec(name, base, daily, weekend, noise, (long) seed);
            }
        } else if ("csv".equals(type)) {
            spec = trace(m, name);
        }
        m.finish();
        return spec;
    }

    private TraceSpec trace(YamlMap m, String name) {
        String fileText = m.text("file", null);
        Path path = null;
        if (fileText != null) {
            path = file.toAbsolutePath().getParent().resolve(fileText).normalize();
            if (!Files.isRegularFile(path)) {
                m.problem("file", "\"" + fileText + "\" does not exist (looked for " + path + ")");
            }
        }
        String column = m.text("column", "");
        String unit = m.choice("unit", "kW", List.of("W", "kW", "MW"));
        double scale = m.number("scale", 1, 0, 1e9);
        String interp = m.choice("interpolation", "hold", List.of("hold", "linear"));
        boolean repeat = m.bool("repeat", false);
        double kwPerUnit = unit == null ? 1 : Quantities.parse("1 " + unit, Dimension.POWER);
        return new TraceSpec(name, path, column.isEmpty() ? null : column, kwPerUnit * scale,
                "linear".equals(interp) ? Interpolation.LINEAR : Interpolation.HOLD, repeat);
    }

    private PvSpec pv(YamlMap m, Location location) {
        String type = m.choice("type", "clear-sky", List.of("clear-sky", "csv"));
        PvSpec spec = null;
        if ("clear-sky".equals(type)) {
            double peak = m.positive("peak", Dimension.POWER, Double.NaN, false);
            if (location == null) {
                m.problem(null, m.path(), "clear-sky PV needs the site's location (location: latitude, longitude)");
            }
            spec = new ClearSkyPvSpec(peak);
        } else if ("csv".equals(type)) {
            spec = trace(m, "pv");
        }
        m.finish();
        return spec;
    }

    private BatteryParameters battery(YamlMap m, int index) {
        String name = m.text("name", "battery-" + (index + 1));
        double energy = m.positive("energy", Dimension.ENERGY, Double.NaN, true);
        double power = m.positive("power", Dimension.POWER, -1, false);
        double charge = m.positive("chargePower", Dimension.POWER, power, false);
        double discharge = m.positive("dischargePower", Dimension.POWER, power, false);
        if (charge < 0 || discharge < 0) {
            m.problem(null, m.at("power"), "is required: give power (both directions) or chargePower and dischargePower");
        }
        double roundTrip = m.fraction("roundTripEfficiency", -1, 0, 1, true, "an efficiency");
        double oneWay = roundTrip > 0 ? Math.sqrt(roundTrip) : 0.95;
        if (roundTrip > 0 && (m.has("chargeEfficiency") || m.has("dischargeEfficiency"))) {
            m.problem("roundTripEfficiency", "give either roundTripEfficiency or chargeEfficiency and "
                    + "dischargeEfficiency, not both");
        }
        double etaC = m.fraction("chargeEfficiency", oneWay, 0, 1, true, "an efficiency");
        double etaD = m.fraction("dischargeEfficiency", oneWay, 0, 1, true, "an efficiency");
        YamlMap soc = m.map("soc");
        double socMin = soc.fraction("min", 0.05, 0, 1, false, "an SOC");
        double socMax = soc.fraction("max", 0.95, 0, 1, false, "an SOC");
        double initial = soc.fraction("initial", 0.5, 0, 1, false, "an SOC");
        soc.finish();
        if (socMin >= socMax) {
            soc.problem(soc.has("min") ? soc.raw("min") : soc.raw("max"), soc.path(), "min " + pct(socMin)
                    + " is not below max " + pct(socMax) + "; the window must satisfy 0 <= min < max <= 100 %");
        } else if (initial < socMin || initial > socMax) {
            soc.problem("initial", "initial SOC " + pct(initial) + " is outside the window " + pct(socMin)
                    + " .. " + pct(socMax));
        }
        double aux = m.positive("auxiliaryLoad", Dimension.POWER, 0, false);
        m.finish();
        double[] all = {energy, charge, discharge, etaC, etaD, socMin, socMax, initial, aux};
        for (double v : all) {
            if (Double.isNaN(v) || v < 0) {
                return null;
            }
        }
        if (socMin >= socMax || initial < socMin || initial > socMax) {
            return null;
        }
        return new BatteryParameters(name, energy, charge, discharge, etaC, etaD, socMin, socMax, initial, aux);
    }

    private StudyPeriod study(YamlMap m, ZoneId zone) {
        String startText = m.text("start", null);
        Instant start = startText == null ? null : instant(m, "start", startText, zone);
        double step = m.positive("step", Dimension.DURATION, Double.NaN, true);
        double duration = Double.NaN;
        if (m.has("duration") && m.has("end")) {
            m.problem("end", "give either duration or end, not both");
        } else if (m.has("end")) {
            String endText = m.text("end", null);
            Instant end = endText == null ? null : instant(m, "end", endText, zone);
            if (start != null && end != null) {
                duration = (end.toEpochMilli() - start.toEpochMilli()) / 1000.0;
                if (duration <= 0) {
                    m.problem("end", "\"" + endText + "\" is not after the start \"" + startText + "\"");
                    duration = Double.NaN;
                }
            }
        } else {
            duration = m.positive("duration", Dimension.DURATION, Double.NaN, true);
        }
        m.finish();
        if (Double.isNaN(step) || Double.isNaN(duration) || start == null) {
            return null;
        }
        long stepMs = Math.round(step * 1000);
        long durationMs = Math.round(duration * 1000);
        String stepText = m.text("step", "");
        if (stepMs < MIN_STEP_MS || stepMs > MAX_STEP_MS || Math.abs(step * 1000 - stepMs) > 1e-6) {
            m.problem("step", "\"" + stepText + "\" is outside the allowed range 100 ms .. 1 h (whole milliseconds)");
            return null;
        }
        if (durationMs % stepMs != 0) {
            m.problem("step", "\"" + stepText + "\" does not divide the study period of "
                    + Quantities.formatDuration(durationMs / 1000.0) + " into whole steps");
            return null;
        }
        if (durationMs / stepMs > Integer.MAX_VALUE) {
            m.problem("step", "\"" + stepText + "\" makes " + durationMs / stepMs + " steps; at most "
                    + Integer.MAX_VALUE + " are allowed");
            return null;
        }
        return new StudyPeriod(start, durationMs, stepMs);
    }

    private static Instant instant(YamlMap m, String key, String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // try local forms
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // try a date
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            m.problem(key, "\"" + text + "\" is not a date or time; use ISO-8601 such as 2025-07-01, "
                    + "2025-07-01T00:00 (site local time) or 2025-07-01T00:00+09:00");
            return null;
        }
    }

    private StrategySpec strategy(YamlMap top, boolean hasBatteries) {
        if (!top.has("strategy")) {
            if (hasBatteries) {
                top.problem(null, "strategy", "is required for a site with batteries: type peak-shaving or idle");
            }
            return new StrategySpec.Idle();
        }
        YamlMap m = top.map("strategy");
        String type = m.choice("type", null, List.of("peak-shaving", "idle"));
        StrategySpec spec = new StrategySpec.Idle();
        if ("peak-shaving".equals(type)) {
            double above = m.positive("dischargeAbove", Dimension.POWER, Double.NaN, false);
            double below = m.positive("chargeBelow", Dimension.POWER, Double.NaN, false);
            if (below > above) {
                m.problem("chargeBelow", "\"" + m.text("chargeBelow", "") + "\" is above dischargeAbove \""
                        + m.text("dischargeAbove", "") + "\"; recharging must stop below where discharging starts");
            }
            spec = new StrategySpec.PeakShaving(above, below);
        }
        m.finish();
        return spec;
    }

    private OutputSpec output(YamlMap m, StudyPeriod study) {
        double step = m.positive("step", Dimension.DURATION, 0, true);
        m.finish();
        if (study == null) {
            return null;
        }
        if (step == 0 || Double.isNaN(step)) {
            return new OutputSpec(study.stepMs());
        }
        long stepMs = Math.round(step * 1000);
        if (stepMs % study.stepMs() != 0) {
            m.problem("step", "\"" + m.text("step", "") + "\" is not a whole multiple of the study step "
                    + Quantities.formatDuration(study.stepMs() / 1000.0));
        }
        return new OutputSpec(stepMs);
    }

    private static double[] flat() {
        double[] f = new double[24];
        java.util.Arrays.fill(f, 1);
        return f;
    }

    private static String pct(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.4g %%", fraction * 100).replaceAll("\\.?0+ %", " %");
    }
}
