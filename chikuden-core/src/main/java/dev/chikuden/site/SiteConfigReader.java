package dev.chikuden.site;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.config.ConfigException;
import dev.chikuden.config.ConfigFile;
import dev.chikuden.config.ConfigNode;
import dev.chikuden.config.ConfigProblem;
import dev.chikuden.config.ConfigSchema;
import dev.chikuden.config.ConfigSection;
import dev.chikuden.control.ControlChain;
import dev.chikuden.load.ai.TrainingJob;
import dev.chikuden.pv.PvSystem;
import dev.chikuden.tariff.ContractRule;
import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads a site YAML file into a validated {@link SiteConfig}: the file is checked against
 * {@code site.schema.json}, bound to {@link SiteFile}, and the rules across fields are applied here
 * and in the section classes. Fail-fast and complete: every problem is collected (file, line, column,
 * field, bad value, what is allowed) and a {@link ConfigException} lists them all. The {@code ems:}
 * section is checked with the rest and handed, parsed, to the live service.
 */
public final class SiteConfigReader {
    /** Finest and coarsest study step. */
    public static final long MIN_STEP_MS = ControlChain.MIN_PERIOD_MS;

    public static final long MAX_STEP_MS = 3_600_000;

    private static final ConfigSchema SCHEMA = ConfigSchema.of("site.schema.json");

    private final List<ConfigProblem> warnings = new ArrayList<>();

    private SiteConfigReader() {}

    /** Reads and validates {@code file}. */
    public static SiteConfig read(Path file) {
        return read(file, List.of());
    }

    /**
     * Reads and validates {@code file} with {@code overrides} applied in order, before presets are put
     * under the site's keys and before any check: an overridden preset is the one underlaid, a bad value
     * is found by the usual checks and placed at its override. Relative paths still resolve against the
     * folder of {@code file}.
     */
    public static SiteConfig read(Path file, List<SiteOverride> overrides) {
        return read(file, overrides, named -> {});
    }

    /**
     * As {@link #read(Path, List)}, telling {@code filesNamed} the files the site names (load traces,
     * weather, prices, tariffs, rules, schedules), also when the site has a problem.
     */
    public static SiteConfig read(Path file, List<SiteOverride> overrides, Consumer<List<Path>> filesNamed) {
        ConfigFile f = overridden(file, overrides);
        try {
            return read(f);
        } finally {
            filesNamed.accept(f.filesNamed());
        }
    }

    private static SiteConfig read(ConfigFile f) {
        BatterySection.underlayPresets(f);
        TariffReader.underlayBase(f);
        f.check(SCHEMA);
        ConfigSection ems = f.section("/ems");
        SiteFile s = f.root().bind(SiteFile.class);
        SiteConfigReader reader = new SiteConfigReader();
        reader.warnings.addAll(f.remarks()); // binding has met every quantity of the file
        SiteConfig site = reader.site(s, f.root(), ems);
        f.throwIfAny();
        return site;
    }

    /**
     * The text of {@code file} with {@code overrides} applied, as YAML (comments dropped): a scenario as
     * a site file to run with {@code plan}. Its relative paths are those of {@code file}: it runs as is
     * from the same folder.
     */
    public static String overriddenYaml(Path file, List<SiteOverride> overrides) {
        return overridden(file, overrides).yaml();
    }

    private static ConfigFile overridden(Path file, List<SiteOverride> overrides) {
        ConfigFile f = ConfigFile.read(file, "a site needs at least name, loads and study");
        for (SiteOverride o : overrides) {
            f.override(o.path(), o.value(), o.describe());
        }
        f.throwIfAny(); // the checks would only repeat what a misplaced override breaks
        return f;
    }

    private SiteConfig site(SiteFile s, ConfigNode top, ConfigSection ems) {
        if (s == null) {
            return null;
        }
        ZoneId zone = zone(s.timeZone(), top.get("timeZone"));
        Location location = s.location() == null
                ? null
                : new Location(s.location().latitude(), s.location().longitude());
        GridConnection grid = grid(s.grid(), top.get("grid"));
        List<LoadSpec> loads = new ArrayList<>();
        for (int i = 0; s.loads() != null && i < s.loads().size(); i++) {
            loads.add(load(s.loads().get(i), top.get("loads").get(i), zone));
        }
        PvSpec pv = pv(s.pv(), top.get("pv"), location, zone);
        List<BatteryParameters> batteries = new ArrayList<>();
        for (int i = 0; i < s.batteries().size(); i++) {
            batteries.add(new BatterySection(top.get("batteries").get(i), warnings)
                    .read(s.batteries().get(i), i));
        }
        AmbientSpec ambient = ambient(s.ambient(), top.get("ambient"), zone);
        StudyPeriod study = study(s.study(), top.get("study"), zone);
        PlanningSpec planning = PlanningSection.read(s, top);
        ControlChain control = ControlSection.read(s.control(), top.get("control"));
        StrategySpec strategy =
                strategy(s, top, grid, control == null ? Double.POSITIVE_INFINITY : control.converterRampKwPerS());
        OutputSpec output = output(s.output(), top.get("output"), study);
        Path rules = gridCodeRules(s.gridCode().rules(), top.get("gridCode").get("rules"));
        TrainingJob.GpuSmoothing compare = compare(s, top.get("compare").get("gpuSmoothing"));
        BillingSpec billing = TariffReader.read(top, grid);
        return !top.clean()
                ? null
                : new SiteConfig(
                        top.source(),
                        s.name(),
                        zone,
                        location,
                        grid,
                        List.copyOf(loads),
                        pv,
                        List.copyOf(batteries),
                        ambient,
                        study,
                        strategy,
                        output,
                        billing,
                        rules,
                        compare,
                        planning,
                        control,
                        List.copyOf(warnings),
                        ems,
                        s.siteClass() == null ? null : SiteClass.byId(s.siteClass()));
    }

    private static ZoneId zone(String id, ConfigNode at) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            at.problem("\"" + id + "\" is not a time zone; use a region ID such as Asia/Tokyo");
            return ZoneId.of("Asia/Tokyo");
        }
    }

    /** Every grid setting has a default: contract auto, exceedance forbid, high voltage, 60 Hz. */
    private static GridConnection grid(SiteFile.Grid g, ConfigNode at) {
        if (!at.clean()) {
            return null;
        }
        ContractRule.Exceedance exceedance =
                ContractRule.Exceedance.valueOf(g.exceedance().toUpperCase(Locale.ROOT));
        ConfigNode contract = at.get("contract");
        ContractRule rule = ContractRule.AUTO;
        if (g.contract().isObject()) {
            SiteFile.TwoContracts two = contract.bind(SiteFile.TwoContracts.class);
            rule = new ContractRule(two.withoutBattery(), two.withBattery(), exceedance);
        } else if (!"auto".equals(g.contract().asText())) {
            double kw = at.bind(SiteFile.OneContract.class).contract();
            rule = new ContractRule(kw, kw, exceedance);
        } else {
            rule = new ContractRule(Double.NaN, Double.NaN, exceedance);
        }
        VoltageClass voltage =
                VoltageClass.valueOf(g.voltage().toUpperCase(Locale.ROOT).replace('-', '_'));
        return new GridConnection(
                rule,
                voltage,
                Double.parseDouble(g.frequency().replace("Hz", "").trim()),
                g.importLimit() == null ? Double.POSITIVE_INFINITY : g.importLimit(),
                g.exportLimit() == null ? Double.POSITIVE_INFINITY : g.exportLimit());
    }

    private static LoadSpec load(SiteFile.Load l, ConfigNode at, ZoneId zone) {
        if (!at.clean()) {
            return null;
        }
        String name = l.name() != null ? l.name() : at.path();
        if (l instanceof SiteFile.ProfileLoad p) {
            return profile(p, name, at);
        }
        if (l instanceof SiteFile.ScheduleLoad sch) {
            return ScheduleSection.read(sch, at, name);
        }
        if (l instanceof SiteFile.Household h) {
            return HouseholdSection.read(h, at, name);
        }
        return l instanceof SiteFile.CsvLoad c
                ? TraceSection.read(c, at, name, TraceSection.Kind.LOAD, zone)
                : AiCampusSection.read((SiteFile.AiCampus) l, at, name);
    }

    private static DailyProfileLoadSpec profile(SiteFile.ProfileLoad p, String name, ConfigNode at) {
        double[] daily = p.daily() == null ? flat() : p.daily();
        for (double f : daily) {
            if (f < 0) {
                at.get("daily").problem("factor " + f + " is negative; factors scale the base load and must be >= 0");
                break;
            }
        }
        return new DailyProfileLoadSpec(name, p.base(), daily, p.weekendFactor(), p.noise(), p.seed());
    }

    private PvSpec pv(SiteFile.Pv pv, ConfigNode at, Location location, ZoneId zone) {
        if (!at.clean()) {
            return null;
        }
        if (pv instanceof SiteFile.ClearSky c) {
            if (location == null) {
                at.problem("clear-sky PV needs the site's location (location: latitude, longitude)");
            }
            return new ClearSkyPvSpec(c.peak());
        }
        if (pv instanceof SiteFile.WeatherPv w) {
            return WeatherPvSection.read(w, at, location, zone, warnings);
        }
        if (pv instanceof SiteFile.ClimatePv c) {
            if (location == null) {
                at.problem("climate PV needs the site's location (location: latitude, longitude)");
                return null;
            }
            return new ClimatePvSpec(
                    c.climate(),
                    new PvSystem(
                            c.dc(),
                            c.ac(),
                            c.tilt(),
                            c.azimuth(),
                            c.albedo(),
                            c.gamma(),
                            c.losses(),
                            location.latitudeDeg(),
                            location.longitudeDeg()));
        }
        return pv instanceof SiteFile.CsvPv c ? TraceSection.read(c, at, "pv", TraceSection.Kind.PV, zone) : null;
    }

    /** Constant 25 °C unless the site says otherwise. */
    private static AmbientSpec ambient(SiteFile.Ambient a, ConfigNode at, ZoneId zone) {
        if (!at.clean()) {
            return null;
        }
        int given = (a.temperature() != null ? 1 : 0) + (a.climate() != null ? 1 : 0) + (a.file() != null ? 1 : 0);
        if (given > 1) {
            at.problem("give one of temperature, climate or file");
        }
        if (a.climate() != null) {
            return new AmbientSpec.BuiltInClimate(a.climate());
        }
        if (a.file() != null) {
            return TraceSection.read(a, at, "ambient", TraceSection.Kind.TEMPERATURE, zone);
        }
        return new AmbientSpec.Constant(a.temperature() != null ? a.temperature() : 25);
    }

    private static StudyPeriod study(SiteFile.Study s, ConfigNode at, ZoneId zone) {
        if (!at.clean()) {
            return null;
        }
        Instant start = instant(s.start(), at.get("start"), zone);
        Double durationS = s.duration();
        if (durationS != null && s.end() != null) {
            at.get("end").problem("give either duration or end, not both");
            return null;
        }
        if (s.end() != null) {
            Instant end = instant(s.end(), at.get("end"), zone);
            if (start == null || end == null) {
                return null;
            }
            durationS = (end.toEpochMilli() - start.toEpochMilli()) / 1000.0;
            if (durationS <= 0) {
                at.get("end").problem("\"" + s.end() + "\" is not after the start \"" + s.start() + "\"");
                return null;
            }
        } else if (durationS == null) {
            at.get("duration").problem("is required: " + Dimension.DURATION.describe());
            return null;
        }
        if (start == null) {
            return null;
        }
        long stepMs = Math.round(s.step() * 1000);
        long durationMs = Math.round(durationS * 1000);
        ConfigNode step = at.get("step");
        if (stepMs < MIN_STEP_MS || stepMs > MAX_STEP_MS || Math.abs(s.step() * 1000 - stepMs) > 1e-6) {
            step.problem("\"" + step.text() + "\" is outside the allowed range " + MIN_STEP_MS
                    + " ms .. 1 h (whole milliseconds)");
            return null;
        }
        if (durationMs % stepMs != 0) {
            step.problem("\"" + step.text() + "\" does not divide the study period of "
                    + Quantities.formatDuration(durationMs / 1000.0) + " into whole steps");
            return null;
        }
        if (durationMs / stepMs > Integer.MAX_VALUE) {
            step.problem("\"" + step.text() + "\" makes " + durationMs / stepMs + " steps; at most " + Integer.MAX_VALUE
                    + " are allowed");
            return null;
        }
        long offsetMs = zone.getRules().getOffset(start).getTotalSeconds() * 1000L;
        if (Math.floorMod(start.toEpochMilli() + offsetMs, 1_800_000L) != 0) {
            at.get("start")
                    .problem("\"" + s.start() + "\" is not on a 30-minute boundary of the local clock "
                            + "(:00 or :30); demand slots and bills are counted from those, so a study starts on one");
            return null;
        }
        if (s.years() > 1 && (durationMs < 365 * 86_400_000L || durationMs > 366 * 86_400_000L)) {
            at.get("years")
                    .problem("a study of " + s.years() + " years needs a period of one year (365 or 366 d), " + "not "
                            + Quantities.formatDuration(durationMs / 1000.0) + "; each year is simulated in full");
            return null;
        }
        return new StudyPeriod(start, durationMs, stepMs, s.years(), "roll".equals(s.yearMode()));
    }

    /** The earliest and latest instants a study may start or end at: the years 1900 to 2200. */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("2201-01-01T00:00:00Z");

    private static Instant instant(String text, ConfigNode at, ZoneId zone) {
        Instant t = parsedInstant(text, at, zone);
        if (t != null && (t.isBefore(EARLIEST) || !t.isBefore(LATEST))) {
            at.problem("\"" + text + "\" is outside the years 1900 to 2200");
            return null;
        }
        return t;
    }

    private static Instant parsedInstant(String text, ConfigNode at, ZoneId zone) {
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
            at.problem("\"" + text + "\" is not a date or time; use ISO-8601 such as 2025-07-01, "
                    + "2025-07-01T00:00 (site local time) or 2025-07-01T00:00+09:00");
            return null;
        }
    }

    private static StrategySpec strategy(SiteFile s, ConfigNode top, GridConnection grid, double converterRampKwPerS) {
        ConfigNode at = top.get("strategy");
        if (!at.given() && !s.batteries().isEmpty()) {
            at.problem("is required for a site with batteries: type stack, peak-shaving or idle");
        }
        if (!at.clean()) {
            return null;
        }
        if (s.strategy() instanceof SiteFile.PeakShaving p) {
            if (p.chargeBelow() > p.dischargeAbove()) {
                at.get("chargeBelow")
                        .problem("\"" + at.get("chargeBelow").text() + "\" is above dischargeAbove \""
                                + at.get("dischargeAbove").text()
                                + "\"; recharging must stop below where discharging starts");
            }
            return new StrategySpec.PeakShaving(p.dischargeAbove(), p.chargeBelow());
        }
        if (s.strategy() instanceof SiteFile.Stack stack && grid != null) {
            return StackSection.read(stack, at, grid, Math.round(s.optimize().step() * 1000), converterRampKwPerS);
        }
        return new StrategySpec.Idle();
    }

    private static OutputSpec output(SiteFile.Output o, ConfigNode at, StudyPeriod study) {
        if (study == null || !at.clean()) {
            return null;
        }
        if (o.step() == null) {
            return new OutputSpec(study.stepMs(), o.language());
        }
        long stepMs = Math.round(o.step() * 1000);
        if (stepMs % study.stepMs() != 0) {
            at.get("step")
                    .problem("\"" + at.get("step").text() + "\" is not a whole multiple of the study step "
                            + Quantities.formatDuration(study.stepMs() / 1000.0));
        }
        return new OutputSpec(stepMs, o.language());
    }

    /** {@code gridCode: {rules: FILE.yaml}}, relative to the site file; null for the default rules. */
    private static Path gridCodeRules(String text, ConfigNode at) {
        if (!at.clean() || text.equals("default")) {
            return null;
        }
        Path path = at.file(text);
        if (!Files.isRegularFile(path)) {
            at.problem("\"" + text + "\" does not exist (looked for " + path + "); give a rule file or default");
        }
        return path;
    }

    /** {@code compare: {gpuSmoothing: {floor, ramp}}}: a third case without battery, the GPUs smoothing themselves. */
    private static TrainingJob.GpuSmoothing compare(SiteFile s, ConfigNode at) {
        if (s.compare() == null || s.compare().gpuSmoothing() == null || !at.clean()) {
            return null;
        }
        if (s.loads() == null
                || s.loads().stream()
                        .noneMatch(l -> l instanceof SiteFile.AiCampus a
                                && a.training() != null
                                && !a.training().isEmpty())) {
            at.problem("compares GPU-side smoothing, which needs an ai-campus load with training jobs");
        }
        return AiCampusSection.smoothing(s.compare().gpuSmoothing());
    }

    private static double[] flat() {
        double[] f = new double[24];
        Arrays.fill(f, 1);
        return f;
    }
}
