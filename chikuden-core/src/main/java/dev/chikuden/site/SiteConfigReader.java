package dev.chikuden.site;

import dev.chikuden.aging.AgingSpec;
import dev.chikuden.aging.BlastLfpGr250Ah;
import dev.chikuden.aging.LifeTable;
import dev.chikuden.aging.LifeTableModel;
import dev.chikuden.battery.Augmentation;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.Conversion;
import dev.chikuden.battery.PiecewiseLinear;
import dev.chikuden.battery.PowerLimits;
import dev.chikuden.battery.Thermal;
import dev.chikuden.battery.ecm.EquivalentCircuitParameters;
import dev.chikuden.load.ai.TrainingJob;
import dev.chikuden.tariff.ContractRule;
import dev.chikuden.weather.Climate;
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
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

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
    private final List<ConfigProblem> warnings = new ArrayList<>();

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
        Node root = YamlDocument.compose(file, reader, "a site needs at least name, loads and study");
        YamlMap top = new YamlMap(file, problems, "", root);
        String name = top.text("name", null);
        ZoneId zone = zone(top);
        Location location = location(top.map("location"));
        // every grid setting has a default: contract auto, exceedance forbid, high voltage, 60 Hz
        GridConnection grid = grid(top.map("grid"));
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
        AmbientSpec ambient = ambient(top.map("ambient"));
        if (!top.has("study")) {
            top.problem(null, "study", "is required: start, duration (or end) and step");
        }
        StudyPeriod study = study(top.map("study"), zone);
        PlanningSpec planning = PlanningSection.read(top); // before the strategy: an mpc layer counts LP periods
        StrategySpec strategy = strategy(top, !batteryMaps.isEmpty(), grid, planning.optimize().periodMs());
        OutputSpec output = output(top.map("output"), study);
        Path gridCodeRules = gridCodeRules(top.map("gridCode"));
        TrainingJob.GpuSmoothing compare = compareGpuSmoothing(top.map("compare"), loads);
        BillingSpec billing = new TariffReader(file, problems).read(top, grid);
        top.raw("ems"); // how the live service runs the site: read by chikuden-ems, which the core does not know
        top.finish();
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
            throw new ConfigException(problems);
        }
        return new SiteConfig(file, name, zone, location, grid, List.copyOf(loads), pv, List.copyOf(batteries),
                ambient, study, strategy, output, billing, gridCodeRules, compare, planning, List.copyOf(warnings));
    }

    /** {@code compare: {gpuSmoothing: {floor, ramp}}}: a third case without battery, the GPUs smoothing themselves. */
    private static TrainingJob.GpuSmoothing compareGpuSmoothing(YamlMap m, List<LoadSpec> loads) {
        YamlMap g = m.map("gpuSmoothing");
        TrainingJob.GpuSmoothing spec = null;
        if (m.has("gpuSmoothing")) {
            double floor = g.fraction("floor", 0.9, 0, 1, false, "a power floor");
            double ramp = g.positive("ramp", Dimension.POWER_RATE, Double.POSITIVE_INFINITY, true);
            if (loads.stream().noneMatch(l -> l instanceof AiCampusLoadSpec a && !a.training().isEmpty())) {
                g.problem(null, g.path(), "compares GPU-side smoothing, which needs an ai-campus load with training jobs");
            }
            spec = Double.isNaN(floor) || Double.isNaN(ramp) ? null : new TrainingJob.GpuSmoothing(floor, ramp * 1000);
        }
        g.finish();
        m.finish();
        return spec;
    }

    /** {@code gridCode: {rules: FILE.yaml}}, relative to the site file; null for the default rules. */
    private Path gridCodeRules(YamlMap m) {
        String text = m.text("rules", "default");
        m.finish();
        if (text == null || text.equals("default")) {
            return null;
        }
        Path path = file.toAbsolutePath().getParent().resolve(text).normalize();
        if (!Files.isRegularFile(path)) {
            m.problem("rules", "\"" + text + "\" does not exist (looked for " + path + "); give a rule file or default");
        }
        return path;
    }

    /** Constant 25 °C unless the site says otherwise. */
    private AmbientSpec ambient(YamlMap m) {
        int given = (m.has("temperature") ? 1 : 0) + (m.has("climate") ? 1 : 0) + (m.has("file") ? 1 : 0);
        AmbientSpec spec = new AmbientSpec.Constant(25);
        if (given > 1) {
            m.problem(null, m.path(), "give one of temperature, climate or file");
        } else if (m.has("climate")) {
            String c = m.choice("climate", null, Climate.builtIn());
            spec = c == null ? spec : new AmbientSpec.BuiltInClimate(c);
        } else if (m.has("file")) {
            spec = TraceSection.read(m, file, "ambient", TraceSection.Kind.TEMPERATURE);
        } else if (m.has("temperature")) {
            spec = new AmbientSpec.Constant(m.quantity("temperature", Dimension.TEMPERATURE, 25));
        }
        m.finish();
        return spec;
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
        ContractRule contract = contract(m);
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

    /**
     * {@code contract: auto} (the default), one power for both cases, or
     * {@code {withoutBattery: P, withBattery: P}}; {@code exceedance: forbid} (default) or {@code penalty}.
     */
    private static ContractRule contract(YamlMap m) {
        String exceedance = m.choice("exceedance", "forbid", List.of("forbid", "penalty"));
        ContractRule.Exceedance e = "penalty".equals(exceedance) ? ContractRule.Exceedance.PENALTY
                : ContractRule.Exceedance.FORBID;
        Node raw = m.raw("contract");
        if (raw == null || raw instanceof ScalarNode s && "auto".equals(s.getValue().trim())) {
            return new ContractRule(Double.NaN, Double.NaN, e);
        }
        if (raw instanceof MappingNode) {
            YamlMap c = m.map("contract");
            double without = c.positive("withoutBattery", Dimension.POWER, Double.NaN, true);
            double with = c.positive("withBattery", Dimension.POWER, Double.NaN, true);
            c.finish();
            return Double.isNaN(without) || Double.isNaN(with) ? ContractRule.AUTO : new ContractRule(without, with, e);
        }
        double kw = m.positive("contract", Dimension.POWER, Double.NaN, true);
        return Double.isNaN(kw) ? ContractRule.AUTO : new ContractRule(kw, kw, e);
    }

    private LoadSpec load(YamlMap m) {
        String name = m.text("name", m.path());
        String type = m.choice("type", null, List.of("profile", "csv", "ai-campus"));
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
            spec = TraceSection.read(m, file, name, TraceSection.Kind.LOAD);
        } else if ("ai-campus".equals(type)) {
            spec = AiCampusSection.read(m, name);
        }
        m.finish();
        return spec;
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
            spec = TraceSection.read(m, file, "pv", TraceSection.Kind.PV);
        }
        m.finish();
        return spec;
    }

    private BatteryParameters battery(YamlMap user, int index) {
        YamlMap preset = preset(user);
        YamlMap m = preset == null ? user : new YamlMap(file, problems, user.path(), user.node(), preset);
        m.text("preset", ""); // read above; allowed here too
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
        if (roundTrip > 0 && (m.hasOwn("chargeEfficiency") || m.hasOwn("dischargeEfficiency"))) {
            m.problem("roundTripEfficiency", "give either roundTripEfficiency or chargeEfficiency and "
                    + "dischargeEfficiency, not both");
        }
        double etaC = roundTrip > 0 ? oneWay : m.fraction("chargeEfficiency", oneWay, 0, 1, true, "an efficiency");
        double etaD = roundTrip > 0 ? oneWay : m.fraction("dischargeEfficiency", oneWay, 0, 1, true, "an efficiency");
        PiecewiseLinear pcs = curve(m, "pcsEfficiency", Dimension.FRACTION, 1, true);
        YamlMap taper = m.map("taper");
        PiecewiseLinear chargeTaper = curve(taper, "charge", Dimension.FRACTION, 1, false);
        PiecewiseLinear dischargeTaper = curve(taper, "discharge", Dimension.FRACTION, 1, false);
        taper.finish();
        YamlMap cRate = m.map("maxCRate");
        double maxChargeC = cRate.number("charge", Double.POSITIVE_INFINITY, 0.01, 100);
        double maxDischargeC = cRate.number("discharge", Double.POSITIVE_INFINITY, 0.01, 100);
        cRate.finish();
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
        double aux = auxiliary(m, discharge);
        Thermal thermal = m.has("thermal") ? thermal(m.map("thermal"), energy) : null;
        EquivalentCircuitParameters voltageModel = m.has("voltageModel") ? voltageModel(m.map("voltageModel"), energy) : null;
        YamlMap agingMap = m.map("aging");
        AgingSpec aging = aging(agingMap);
        boolean agingFailed = aging == null && !"none".equals(agingMap.text("model", "none"));
        double endOfLife = agingMap.fraction("endOfLife", 0.8, 0, 1, true, "an end-of-life SOH");
        Augmentation augmentation = augmentation(agingMap.map("augmentation"));
        agingMap.finish();
        m.finish();
        double[] all = {energy, charge, discharge, etaC, etaD, socMin, socMax, initial, aux, maxChargeC, maxDischargeC,
                endOfLife};
        for (double v : all) {
            if (Double.isNaN(v) || v < 0) {
                return null;
            }
        }
        if (socMin >= socMax || initial < socMin || initial > socMax || pcs == null || chargeTaper == null
                || dischargeTaper == null || augmentation == null || (m.has("thermal") && thermal == null)
                || (m.has("voltageModel") && voltageModel == null) || agingFailed) {
            return null;
        }
        plausible(m, energy, charge, discharge, roundTrip, etaC, etaD, socMin, socMax, aux);
        return new BatteryParameters(name, energy, charge, discharge, socMin, socMax, initial,
                new Conversion(pcs, etaC, etaD), new PowerLimits(chargeTaper, dischargeTaper, maxChargeC, maxDischargeC),
                aux, thermal, aging, endOfLife, augmentation, voltageModel);
    }

    /**
     * Warns of valid values that a battery hardly ever has (a round trip of 9 %, a 20 h or a 6 min
     * battery, a narrow SOC window, auxiliaries drawing a tenth of the rating): most are a unit or a
     * digit gone wrong, and the study would run on them without a word.
     *
     * @param givenRoundTrip the roundTripEfficiency key, or a negative number when absent
     */
    private void plausible(YamlMap m, double energyKwh, double chargeKw, double dischargeKw, double givenRoundTrip,
                           double etaC, double etaD, double socMin, double socMax, double auxKw) {
        String usual = "outside the usual 70-98 % of a battery";
        double roundTrip = etaC * etaD;
        if (givenRoundTrip > 0 && (givenRoundTrip < 0.70 || givenRoundTrip > 0.98)) {
            warn(m, "roundTripEfficiency", "\"" + m.text("roundTripEfficiency", "") + "\" is " + usual
                    + "'s round-trip efficiency; used as given, check it");
        } else if (givenRoundTrip <= 0 && (roundTrip < 0.70 || roundTrip > 0.98)) {
            warn(m, m.hasOwn("chargeEfficiency") ? "chargeEfficiency" : "dischargeEfficiency", "charge "
                    + pct(etaC) + " x discharge " + pct(etaD) + " is a round trip of "
                    + pct(roundTrip) + ", " + usual + "; used as given, check them");
        }
        String chargeKey = m.has("chargePower") ? "chargePower" : "power";
        String dischargeKey = m.has("dischargePower") ? "dischargePower" : "power";
        if (chargeKey.equals(dischargeKey) && chargeKw == dischargeKw) {
            cRate(m, chargeKey, chargeKw, energyKwh, "charge or discharge");
        } else {
            cRate(m, chargeKey, chargeKw, energyKwh, "charge");
            cRate(m, dischargeKey, dischargeKw, energyKwh, "discharge");
        }
        if (socMax - socMin < 0.5) {
            warn(m, "soc", "the window " + pct(socMin) + " .. " + pct(socMax) + " uses " + pct(socMax - socMin)
                    + " of the energy; batteries usually use 60-100 % (e.g. 5 % .. 95 %); used as given, check min and max");
        }
        if (auxKw > 0.05 * dischargeKw) {
            warn(m, "auxiliaryLoad", "\"" + m.text("auxiliaryLoad", "") + "\" is " + pct(auxKw / dischargeKw)
                    + " of the discharge rating, above the usual 5 % of a battery's auxiliaries; used as given, check it");
        }
    }

    /** A rating of {@code kw} on {@code energyKwh} outside 0.1-4 C: a 10 h battery or a 15 min one. */
    private void cRate(YamlMap m, String key, double kw, double energyKwh, String what) {
        double c = kw / energyKwh;
        if (c >= 0.1 && c <= 4) {
            return;
        }
        warn(m, key, "\"" + m.text(key, "") + "\" on " + String.format(java.util.Locale.ROOT, "%,.0f", energyKwh)
                + " kWh is " + java.math.BigDecimal.valueOf(c).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString() + " C (a full " + what + " takes " + Quantities.formatDuration(Math.round(3600 / c))
                + "), outside the usual 0.1-4 C of a battery; used as given, check power and energy");
    }

    private void warn(YamlMap m, String key, String message) {
        warnings.add(m.remark(key, message));
    }

    /** The preset a battery names, read from the data shipped with Chikuden; null when none. */
    private YamlMap preset(YamlMap user) {
        String name = user.text("preset", "");
        if (name == null || name.isEmpty()) {
            return null;
        }
        try (var in = BatteryParameters.class.getResourceAsStream("presets/" + name + ".yaml")) {
            if (in == null) {
                user.problem("preset", "\"" + name + "\" is not a battery preset; available: " + String.join(", ", PRESETS));
                return null;
            }
            Node node = new Yaml(new LoaderOptions()).compose(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return new YamlMap(file, problems, user.path(), node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The battery presets shipped as data. */
    public static final List<String> PRESETS = List.of("lfp-container");

    private static PiecewiseLinear curve(YamlMap m, String key, Dimension y, double fallback, boolean efficiency) {
        double[][] pts = m.points(key, Dimension.FRACTION, y);
        if (pts == null) {
            return m.raw(key) == null ? PiecewiseLinear.constant(fallback) : null;
        }
        for (double v : pts[1]) {
            if (efficiency ? !(v > 0 && v <= 1) : !(v >= 0 && v <= 1)) {
                m.problem(key, "value " + pct(v) + " is outside " + (efficiency ? "(0, 100 %]" : "[0, 100 %]"));
                return null;
            }
        }
        return new PiecewiseLinear(pts[0], pts[1]);
    }

    /** A power, or a percentage of the discharge rating. */
    private static double auxiliary(YamlMap m, double dischargeKw) {
        String text = m.text("auxiliaryLoad", "0 kW");
        if (text != null && text.trim().endsWith("%")) {
            double f = m.fraction("auxiliaryLoad", 0, 0, 0.2, false, "an auxiliary load given in % of the discharge rating");
            return f * Math.max(0, dischargeKw);
        }
        return m.positive("auxiliaryLoad", Dimension.POWER, 0, false);
    }

    private static Thermal thermal(YamlMap m, double energyKwh) {
        double capacityPerMwh = m.positive("heatCapacityPerMwh", Dimension.HEAT_CAPACITY, Double.NaN, true);
        double conductancePerMwh = m.positive("conductancePerMwh", Dimension.THERMAL_CONDUCTANCE, Double.NaN, true);
        double cooling = m.quantity("coolingAbove", Dimension.TEMPERATURE, Double.NaN);
        double heating = m.quantity("heatingBelow", Dimension.TEMPERATURE, Double.NaN);
        double coolingCop = m.number("coolingCop", Double.NaN, 0.5, 20);
        double heatingCop = m.number("heatingCop", Double.NaN, 0.5, 20);
        double initial = m.quantity("initial", Dimension.TEMPERATURE, 25);
        if (heating >= cooling) {
            m.problem("heatingBelow", "\"" + m.text("heatingBelow", "") + "\" is not below coolingAbove \""
                    + m.text("coolingAbove", "") + "\"");
        }
        m.finish();
        double[] all = {capacityPerMwh, conductancePerMwh, cooling, heating, coolingCop, heatingCop, initial};
        for (double v : all) {
            if (Double.isNaN(v)) {
                return null;
            }
        }
        if (heating >= cooling || Double.isNaN(energyKwh)) {
            return null;
        }
        double mwh = energyKwh / 1000;
        return new Thermal(capacityPerMwh * mwh, conductancePerMwh * mwh, cooling, heating, coolingCop, heatingCop,
                initial);
    }

    /** The pack of a cell type with {@code seriesCells} in series and as many strings as the energy needs. */
    private static EquivalentCircuitParameters voltageModel(YamlMap m, double energyKwh) {
        String cell = m.choice("cell", null, List.of("lfp-280ah"));
        double series = m.number("seriesCells", 416, 1, 100_000);
        m.finish();
        if (cell == null || Double.isNaN(series) || Double.isNaN(energyKwh)) {
            return null;
        }
        if (series != Math.rint(series)) {
            m.problem("seriesCells", "\"" + m.text("seriesCells", "") + "\" is not a whole number of cells");
            return null;
        }
        EquivalentCircuitParameters one = EquivalentCircuitParameters.lfp280Ah((int) series, 1);
        int strings = (int) Math.max(1, Math.round(energyKwh / one.openCircuitEnergyKwh()));
        return EquivalentCircuitParameters.lfp280Ah((int) series, strings);
    }

    private static AgingSpec aging(YamlMap m) {
        String model = m.choice("model", "none", List.of("none", BlastLfpGr250Ah.NAME, LifeTableModel.NAME));
        if (LifeTableModel.NAME.equals(model)) {
            return lifeTable(m);
        }
        return BlastLfpGr250Ah.NAME.equals(model) ? new AgingSpec.Blast() : null;
    }

    /** {@code lifeTable: [[DOD %, cycles, capacity %], ...]} and an optional {@code calendar}. */
    private static AgingSpec lifeTable(YamlMap m) {
        double[][] cols = m.rows("lifeTable", "[DOD %, cycles, capacity %] rows such as [[80 %, 0, 100 %], "
                + "[80 %, 6000, 80 %]]", Dimension.FRACTION, Dimension.NUMBER, Dimension.FRACTION);
        if (cols == null && m.raw("lifeTable") == null) {
            m.problem(null, m.at("lifeTable"), "is required for model table: rows of [DOD %, cycles, capacity %]");
        }
        YamlMap cal = m.map("calendar");
        double loss = cal.fraction("lossAfterOneYear", 0, 0, 0.5, false, "a calendar loss");
        double at = cal.quantity("at", Dimension.TEMPERATURE, 25);
        double doubling = cal.positive("doublesEvery", Dimension.TEMPERATURE, 10, true);
        cal.finish();
        if (cols == null || Double.isNaN(loss) || Double.isNaN(at) || Double.isNaN(doubling)) {
            return null;
        }
        double[][] rows = new double[cols[0].length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {cols[0][i] * 100, cols[1][i], cols[2][i] * 100};
        }
        try {
            return new AgingSpec.Table(new LifeTable(rows), loss, at, doubling);
        } catch (IllegalArgumentException e) {
            m.problem("lifeTable", e.getMessage());
            return null;
        }
    }

    private static Augmentation augmentation(YamlMap m) {
        double below = m.fraction("whenSohBelow", 0, 0, 1, false, "an SOH");
        double every = m.positive("every", Dimension.DURATION, 0, true);
        m.finish();
        if (Double.isNaN(below) || Double.isNaN(every)) {
            return null;
        }
        return new Augmentation(below, every / 86_400);
    }

    private StudyPeriod study(YamlMap m, ZoneId zone) {
        String startText = m.text("start", null);
        double years = m.number("years", 1, 1, 100);
        String mode = m.choice("yearMode", "repeat", List.of("repeat", "roll"));
        if (years != Math.rint(years)) {
            m.problem("years", "\"" + m.text("years", "") + "\" is not a whole number of years");
        }
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
        if (Double.isNaN(years) || years != Math.rint(years) || mode == null) {
            return null;
        }
        long offsetMs = zone.getRules().getOffset(start).getTotalSeconds() * 1000L;
        if (Math.floorMod(start.toEpochMilli() + offsetMs, 1_800_000L) != 0) {
            m.problem("start", "\"" + startText + "\" is not on a 30-minute boundary of the local clock (:00 or :30); "
                    + "demand slots and bills are counted from those, so a study starts on one");
            return null;
        }
        if (years > 1 && (durationMs < 365 * 86_400_000L || durationMs > 366 * 86_400_000L)) {
            m.problem("years", "a study of " + (long) years + " years needs a period of one year (365 or 366 d), not "
                    + Quantities.formatDuration(durationMs / 1000.0) + "; each year is simulated in full");
            return null;
        }
        return new StudyPeriod(start, durationMs, stepMs, (int) years, "roll".equals(mode));
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

    private StrategySpec strategy(YamlMap top, boolean hasBatteries, GridConnection grid, long lpPeriodMs) {
        if (!top.has("strategy")) {
            if (hasBatteries) {
                top.problem(null, "strategy", "is required for a site with batteries: type stack, peak-shaving or idle");
            }
            return new StrategySpec.Idle();
        }
        YamlMap m = top.map("strategy");
        String type = m.choice("type", null, List.of("stack", "peak-shaving", "idle"));
        StrategySpec spec = new StrategySpec.Idle();
        if ("peak-shaving".equals(type)) {
            double above = m.positive("dischargeAbove", Dimension.POWER, Double.NaN, false);
            double below = m.positive("chargeBelow", Dimension.POWER, Double.NaN, false);
            if (below > above) {
                m.problem("chargeBelow", "\"" + m.text("chargeBelow", "") + "\" is above dischargeAbove \""
                        + m.text("dischargeAbove", "") + "\"; recharging must stop below where discharging starts");
            }
            spec = new StrategySpec.PeakShaving(above, below);
        } else if ("stack".equals(type)) {
            spec = StackSection.read(m, grid, file, lpPeriodMs);
        }
        m.finish();
        return spec;
    }

    private OutputSpec output(YamlMap m, StudyPeriod study) {
        double step = m.positive("step", Dimension.DURATION, 0, true);
        String language = m.choice("language", OutputSpec.DEFAULT_LANGUAGE, List.of("en", "ja"));
        m.finish();
        if (study == null) {
            return null;
        }
        language = language == null ? OutputSpec.DEFAULT_LANGUAGE : language;
        if (step == 0 || Double.isNaN(step)) {
            return new OutputSpec(study.stepMs(), language);
        }
        long stepMs = Math.round(step * 1000);
        if (stepMs % study.stepMs() != 0) {
            m.problem("step", "\"" + m.text("step", "") + "\" is not a whole multiple of the study step "
                    + Quantities.formatDuration(study.stepMs() / 1000.0));
        }
        return new OutputSpec(stepMs, language);
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
