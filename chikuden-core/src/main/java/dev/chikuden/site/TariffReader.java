package dev.chikuden.site;

import dev.chikuden.market.JepxSpotCsv;
import dev.chikuden.tariff.EnergyBand;
import dev.chikuden.tariff.Tariff;
import dev.chikuden.units.Dimension;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the site's {@code tariff:} section (a preset shipped as data, or a tariff file, with any
 * key overridden) and its {@code prices:} section, in the error style of {@link SiteConfigReader}.
 */
final class TariffReader {
    /** The tariff presets shipped as data. */
    static final List<String> PRESETS = List.of("kansai-high-voltage-as", "kansai-high-voltage-as-tou",
            "extra-high-voltage-template");
    private static final String BAND_NAME = "[a-z][A-Za-z0-9]*";

    private final Path file;
    private final List<ConfigProblem> problems;

    TariffReader(Path file, List<ConfigProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The billing of the site, or null without a tariff section. */
    BillingSpec read(YamlMap top, GridConnection grid) {
        BillingSpec.Prices prices = top.has("prices") ? prices(top.map("prices")) : null;
        if (!top.has("tariff")) {
            return prices == null ? null : new BillingSpec(null, prices);
        }
        YamlMap user = top.map("tariff");
        YamlMap base = base(user);
        YamlMap m = base == null ? user : new YamlMap(file, problems, user.path(), user.node(), base);
        m.hasOwn("preset"); // read by base(); allowed here
        m.hasOwn("file");
        // under grid.contract: auto the bill sets each case's contract; 0 is a placeholder until then
        Tariff t = tariff(m, grid.contract().auto() ? 0 : grid.contract().fixedKw(false));
        if (m.has("contractWithBattery")) {
            m.problem("contractWithBattery", "is replaced by grid.contract: auto (the default: each case at its own "
                    + "planned 30-minute peak) or grid.contract: {withoutBattery: 140 MW, withBattery: 115 MW}");
        }
        m.finish();
        if (t != null && prices == null && (t.marketLinked() != null || t.exportSale() != null && t.exportSale().market())) {
            m.problem(null, m.path(), "a market-linked menu or an export sale at market price needs JEPX prices: "
                    + "add prices: {file: spot_summary_2025.csv, area: kansai}");
        }
        return new BillingSpec(t, prices);
    }

    private BillingSpec.Prices prices(YamlMap m) {
        String fileText = m.text("file", null);
        String area = m.text("area", null);
        m.finish();
        Path path = null;
        if (fileText != null) {
            path = file.toAbsolutePath().getParent().resolve(fileText).normalize();
            if (!Files.isRegularFile(path)) {
                m.problem("file", "\"" + fileText + "\" does not exist (looked for " + path + ")");
            }
        }
        if (area != null && !JepxSpotCsv.AREAS.containsKey(area) && !JepxSpotCsv.AREAS.containsValue(area)) {
            m.problem("area", "\"" + area + "\" is not a JEPX area; allowed: " + String.join(", ", JepxSpotCsv.AREAS.keySet()));
            area = null;
        }
        return path == null || area == null ? null : new BillingSpec.Prices(path, area);
    }

    /** The preset or tariff file the section builds on; null when it gives every key itself. */
    private YamlMap base(YamlMap user) {
        String preset = user.text("preset", "");
        String tariffFile = user.text("file", "");
        if (!preset.isEmpty() && !tariffFile.isEmpty()) {
            user.problem("file", "give either preset or file, not both");
            return null;
        }
        if (!preset.isEmpty()) {
            if (!PRESETS.contains(preset)) {
                user.problem("preset", "\"" + preset + "\" is not a tariff preset; available: " + String.join(", ", PRESETS));
                return null;
            }
            try (var in = Tariff.class.getResourceAsStream("presets/" + preset + ".yaml")) {
                return new YamlMap(file, problems, user.path(), compose(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!tariffFile.isEmpty()) {
            Path path = file.toAbsolutePath().getParent().resolve(tariffFile).normalize();
            try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                return new YamlMap(path, problems, user.path(), compose(r));
            } catch (IOException e) {
                user.problem("file", "\"" + tariffFile + "\" cannot be read (looked for " + path + ")");
            } catch (YAMLException e) {
                user.problem("file", "\"" + tariffFile + "\" is not valid YAML: " + e.getMessage());
            }
        }
        return null;
    }

    private Tariff tariff(YamlMap m, double agreedKw) {
        String name = m.text("name", "tariff");
        boolean taxIncluded = m.bool("taxIncluded", true);
        double tax = m.fraction("consumptionTax", 0.10, 0, 0.5, false, "a tax rate");
        double basic = m.number("basicChargeYenPerKwMonth", Double.NaN, 0, 1e6);
        String contract = m.choice("contract", "agreed", List.of("agreed", "ratchet"));
        double excess = m.number("excessMultiplier", 1.5, 1, 10);
        double previousPeak = m.positive("previousPeak", Dimension.POWER, 0, false);
        boolean raises = m.bool("excessRaisesContract", false);
        double powerFactor = m.fraction("powerFactor", 0.85, 0, 1, true, "a power factor");
        Set<Integer> summer = summerMonths(m);
        Set<DayOfWeek> restDays = restDays(m);
        Set<LocalDate> holidays = holidays(m);
        List<EnergyBand> bands = m.has("energy") ? bands(m) : List.of();
        Tariff.MarketLinked linked = null;
        if (m.has("marketLinked")) {
            YamlMap l = m.map("marketLinked");
            linked = new Tariff.MarketLinked(l.number("adderYenPerKwh", 0, -1e3, 1e3));
            l.finish();
        }
        if (bands != null && (linked == null) == bands.isEmpty() && (linked != null || !m.has("energy"))) {
            m.problem(null, m.path(), "give the energy rates either as energy (bands) or as marketLinked "
                    + "(JEPX price + adderYenPerKwh), " + (linked == null ? "one is required" : "not both"));
        }
        Map<YearMonth, Double> fuel = monthTable(m, "fuelCostAdjustment");
        Tariff.MarketPriceAdjustment mpa = marketPriceAdjustment(m);
        Map<Integer, Double> levy = levy(m);
        List<Tariff.Subsidy> subsidies = subsidies(m);
        Tariff.ExportSale export = null;
        if (m.has("export")) {
            YamlMap e = m.map("export");
            boolean market = e.bool("market", false);
            double price = market ? e.number("adderYenPerKwh", 0, -1e3, 1e3) : e.number("yenPerKwh", Double.NaN, -1e3, 1e3);
            e.finish();
            export = Double.isNaN(price) ? null : new Tariff.ExportSale(market, price);
        }
        double[] all = {tax, basic, excess, previousPeak, powerFactor, agreedKw};
        for (double v : all) {
            if (Double.isNaN(v)) {
                return null;
            }
        }
        if (contract == null || summer == null || restDays == null || holidays == null || bands == null
                || fuel == null || levy == null || subsidies == null || (m.has("export") && export == null)
                || (linked == null) == bands.isEmpty() || (m.has("marketPriceAdjustment") && mpa == null && !off(m))) {
            return null;
        }
        return new Tariff(name, taxIncluded, tax, basic, new Tariff.ContractDemand("ratchet".equals(contract), agreedKw,
                excess, previousPeak, raises), powerFactor, summer, bands, linked, fuel, mpa, levy, subsidies, export,
                restDays, holidays);
    }

    private Set<Integer> summerMonths(YamlMap m) {
        double[] months = m.numbers("summerMonths");
        if (months == null) {
            return m.raw("summerMonths") == null ? Set.of(7, 8, 9) : null;
        }
        Set<Integer> out = new LinkedHashSet<>();
        for (double v : months) {
            if (v != Math.rint(v) || v < 1 || v > 12) {
                m.problem("summerMonths", "month " + v + " is not a whole number from 1 to 12");
                return null;
            }
            out.add((int) v);
        }
        return Set.copyOf(out);
    }

    private Set<DayOfWeek> restDays(YamlMap m) {
        List<String> names = texts(m, "restDays");
        if (names == null) {
            return m.raw("restDays") == null ? Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY) : null;
        }
        Set<DayOfWeek> out = new LinkedHashSet<>();
        for (String n : names) {
            try {
                out.add(DayOfWeek.valueOf(n.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                m.problem("restDays", "\"" + n + "\" is not a day of the week; allowed: monday .. sunday");
                return null;
            }
        }
        return Set.copyOf(out);
    }

    private Set<LocalDate> holidays(YamlMap m) {
        List<String> dates = texts(m, "holidays");
        if (dates == null) {
            return m.raw("holidays") == null ? Set.of() : null;
        }
        Set<LocalDate> out = new LinkedHashSet<>();
        for (String d : dates) {
            try {
                out.add(LocalDate.parse(d));
            } catch (DateTimeException e) {
                m.problem("holidays", "\"" + d + "\" is not a date such as 2025-08-11");
                return null;
            }
        }
        return Set.copyOf(out);
    }

    private List<EnergyBand> bands(YamlMap m) {
        List<EnergyBand> out = new ArrayList<>();
        boolean bad = false;
        for (YamlMap b : m.maps("energy", true, "energy bands")) {
            String name = b.text("band", null);
            String season = b.choice("season", "all", List.of("all", "summer", "other"));
            String days = b.choice("days", "all", List.of("all", "weekdays", "holidays"));
            double[] hours = b.numbers("hours");
            double rate = b.number("yenPerKwh", Double.NaN, -1e3, 1e3);
            b.finish();
            if (name != null && !name.matches(BAND_NAME)) {
                b.problem("band", "\"" + name + "\" is not a lowerCamelCase name such as peak or heavyLoad");
                name = null;
            }
            if (hours != null && (hours.length != 2 || !wholeHours(hours))) {
                b.problem("hours", "expected [from, to] local hours, whole numbers 0-24, e.g. [13, 16]");
                hours = null;
            }
            if (name == null || season == null || days == null || Double.isNaN(rate) || (hours == null && b.has("hours"))) {
                bad = true;
                continue;
            }
            int from = hours == null ? 0 : (int) hours[0];
            int to = hours == null ? 24 : (int) hours[1];
            out.add(new EnergyBand(name, EnergyBand.Season.valueOf(season.toUpperCase(Locale.ROOT)),
                    EnergyBand.Days.valueOf(days.toUpperCase(Locale.ROOT)), from, to, rate));
        }
        if (bad) {
            return null;
        }
        String gap = gap(out);
        if (gap != null) {
            m.problem("energy", "no band applies to " + gap + "; end with a band for all seasons, days and hours");
            return null;
        }
        return List.copyOf(out);
    }

    private static boolean wholeHours(double[] h) {
        return h[0] == Math.rint(h[0]) && h[1] == Math.rint(h[1]) && h[0] >= 0 && h[0] <= 24 && h[1] >= 0 && h[1] <= 24;
    }

    /** The first (season, day, hour) no band matches, or null when they cover everything. */
    private static String gap(List<EnergyBand> bands) {
        for (boolean summer : new boolean[] {true, false}) {
            for (boolean holiday : new boolean[] {false, true}) {
                for (int hour = 0; hour < 24; hour++) {
                    final int h = hour;
                    if (bands.stream().noneMatch(b -> matches(b, summer, holiday, h))) {
                        return (summer ? "summer " : "other-season ") + (holiday ? "holidays" : "weekdays") + " at "
                                + hour + ":00";
                    }
                }
            }
        }
        return null;
    }

    private static boolean matches(EnergyBand b, boolean summer, boolean holiday, int hour) {
        if (b.season() == EnergyBand.Season.SUMMER && !summer || b.season() == EnergyBand.Season.OTHER && summer
                || b.days() == EnergyBand.Days.WEEKDAYS && holiday || b.days() == EnergyBand.Days.HOLIDAYS && !holiday) {
            return false;
        }
        return b.fromHour() < b.toHour() ? hour >= b.fromHour() && hour < b.toHour()
                : hour >= b.fromHour() || hour < b.toHour();
    }

    private static boolean off(YamlMap m) {
        return m.raw("marketPriceAdjustment") instanceof ScalarNode s && "off".equals(s.getValue());
    }

    private Tariff.MarketPriceAdjustment marketPriceAdjustment(YamlMap m) {
        if (!m.has("marketPriceAdjustment") || off(m)) {
            return null;
        }
        YamlMap a = m.map("marketPriceAdjustment");
        YearMonth from = yearMonth(a, "from", YearMonth.of(2024, 4));
        double base = a.number("baseYenPerKwh", Double.NaN, -1e3, 1e3);
        double coefficient = a.number("coefficient", Double.NaN, 0, 10);
        double[] lags = a.numbers("lagMonths");
        Map<YearMonth, Double> averages = monthTable(a, "monthlyAveragesYenPerKwh");
        a.finish();
        if (lags == null && a.raw("lagMonths") == null) {
            lags = new double[] {3, 5};
        } else if (lags != null && (lags.length != 2 || lags[0] != Math.rint(lags[0]) || lags[1] != Math.rint(lags[1])
                || lags[0] < 1 || lags[1] < lags[0] || lags[1] > 24)) {
            a.problem("lagMonths", "expected [first, last] whole months before the usage month, e.g. [3, 5]");
            lags = null;
        }
        if (from == null || Double.isNaN(base) || Double.isNaN(coefficient) || lags == null || averages == null) {
            return null;
        }
        return new Tariff.MarketPriceAdjustment(from, base, coefficient, (int) lags[0], (int) lags[1], averages);
    }

    private Map<Integer, Double> levy(YamlMap m) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (NodeTuple t : entries(m, "renewableLevy", "a mapping of fiscal years to yen/kWh, e.g. {FY2025: 3.98}")) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            Double v = value(m, "renewableLevy", t);
            if (!key.matches("FY\\d{4}")) {
                m.problem(t.getKeyNode(), m.at("renewableLevy") + "." + key, "\"" + key
                        + "\" is not a fiscal year such as FY2025 (usage from May 2025 to April 2026)");
                return null;
            }
            if (v == null) {
                return null;
            }
            out.put(Integer.parseInt(key.substring(2)), v);
        }
        return Map.copyOf(out);
    }

    private List<Tariff.Subsidy> subsidies(YamlMap m) {
        List<Tariff.Subsidy> out = new ArrayList<>();
        for (YamlMap s : m.maps("subsidies", false, "subsidies")) {
            YearMonth from = yearMonth(s, "from", null);
            YearMonth to = yearMonth(s, "to", null);
            double rate = s.number("yenPerKwh", Double.NaN, -1e3, 1e3);
            s.finish();
            if (from != null && to != null && to.isBefore(from)) {
                s.problem("to", "\"" + to + "\" is before from \"" + from + "\"");
                return null;
            }
            if (from == null || to == null || Double.isNaN(rate)) {
                return null;
            }
            out.add(new Tariff.Subsidy(from, to, rate));
        }
        return List.copyOf(out);
    }

    /** {@code {2025-08: -1.23, ...}}: yen/kWh by month; empty when absent, null when bad. */
    private Map<YearMonth, Double> monthTable(YamlMap m, String key) {
        Map<YearMonth, Double> out = new LinkedHashMap<>();
        for (NodeTuple t : entries(m, key, "a mapping of months to yen/kWh, e.g. {2025-08: -1.23}")) {
            String month = ((ScalarNode) t.getKeyNode()).getValue();
            Double v = value(m, key, t);
            try {
                out.put(YearMonth.parse(month), v);
            } catch (DateTimeException e) {
                m.problem(t.getKeyNode(), m.at(key) + "." + month, "\"" + month + "\" is not a month such as 2025-08");
                return null;
            }
            if (v == null) {
                return null;
            }
        }
        return Map.copyOf(out);
    }

    private static List<NodeTuple> entries(YamlMap m, String key, String expected) {
        Node n = m.raw(key);
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof MappingNode map) || !map.getValue().stream().allMatch(t -> t.getKeyNode() instanceof ScalarNode)) {
            m.problem(key, "expected " + expected + ", found " + YamlMap.describe(n));
            return List.of();
        }
        return map.getValue();
    }

    private static Double value(YamlMap m, String key, NodeTuple t) {
        String k = ((ScalarNode) t.getKeyNode()).getValue();
        if (t.getValueNode() instanceof ScalarNode s) {
            try {
                double v = Double.parseDouble(s.getValue());
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        m.problem(t.getValueNode(), m.at(key) + "." + k, YamlMap.describe(t.getValueNode())
                + " is not a number of yen/kWh such as 3.98");
        return null;
    }

    private static YearMonth yearMonth(YamlMap m, String key, YearMonth fallback) {
        String text = m.text(key, fallback == null ? null : fallback.toString());
        if (text == null) {
            return null;
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeException e) {
            m.problem(key, "\"" + text + "\" is not a month such as 2024-04");
            return null;
        }
    }

    private static List<String> texts(YamlMap m, String key) {
        Node n = m.raw(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof SequenceNode seq) || !seq.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
            m.problem(key, "expected a list such as [a, b], found " + YamlMap.describe(n));
            return null;
        }
        return seq.getValue().stream().map(x -> ((ScalarNode) x).getValue()).toList();
    }

    private static Node compose(Reader r) {
        return new Yaml(new LoaderOptions()).compose(r);
    }
}
