package dev.chikuden.site;

import static dev.chikuden.units.Dimension.FRACTION;
import static dev.chikuden.units.Dimension.POWER;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chikuden.config.ConfigException;
import dev.chikuden.config.ConfigFile;
import dev.chikuden.config.ConfigNode;
import dev.chikuden.config.Quantity;
import dev.chikuden.config.YamlDocument;
import dev.chikuden.tariff.EnergyBand;
import dev.chikuden.tariff.Tariff;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes the site's {@code tariff:} section (a preset shipped as data, or a tariff file, with any key
 * overridden) and its {@code prices:} section.
 */
final class TariffReader {
    /** The tariff presets shipped as data. */
    static final List<String> PRESETS = List.of(
            "kansai-high-voltage-as",
            "kansai-high-voltage-as-tou",
            "extra-high-voltage-template",
            "grid-battery-jepx",
            "kansai-dento-a",
            "kansai-hapi-e-time-r");

    /** The {@code tariff:} section as written, its preset or file under it. */
    record TariffFile(
            String name,
            boolean taxIncluded,

            @Quantity(value = FRACTION, min = 0, max = 0.5, meaning = "a tax rate")
            double consumptionTax,

            double basicChargeYenPerKwMonth,
            String contract,
            double excessMultiplier,
            @Quantity(value = POWER, min = 0) double previousPeak,
            boolean excessRaisesContract,

            @Quantity(value = FRACTION, min = 0, max = 1, aboveMin = true, meaning = "a power factor")
            double powerFactor,

            Set<Integer> summerMonths,
            List<String> restDays,
            Set<LocalDate> holidays,
            boolean nationalHolidays,
            List<String> holidayDates,
            List<Band> energy,
            Tariff.MarketLinked marketLinked,
            Map<YearMonth, Double> fuelCostAdjustment,
            JsonNode marketPriceAdjustment,
            Map<String, Double> renewableLevy,
            List<Tariff.Subsidy> subsidies,
            Export export,
            Tiers energyTiers,
            String contractCapacity,
            BasicChargeByContract basicChargeByContract,
            Map<String, Double> monthlyYen) {}

    /** @param tiers each {@code {upToKwh, yenPerKwh}}, the last without upToKwh */
    record Tiers(double minimumKwh, double minimumYen, List<Tier> tiers) {}

    record Tier(Double upToKwh, double yenPerKwh) {}

    record BasicChargeByContract(
            double firstUnits, double firstYen, double yenPerUnitAbove, Map<String, Double> perContract) {}

    record Band(String band, String season, String days, List<Integer> hours, double yenPerKwh) {}

    record MarketPriceAdjustment(
            YearMonth from,
            double baseYenPerKwh,
            double coefficient,
            List<Integer> lagMonths,
            Map<YearMonth, Double> monthlyAveragesYenPerKwh) {}

    record Export(boolean market, Double yenPerKwh, double adderYenPerKwh, FitPrice fit, boolean batteryExport) {}

    record FitPrice(double yenPerKwh, YearMonth until) {}

    record Prices(String file, String area, IntradayFile intraday) {}

    record IntradayFile(String file) {}

    /** A contract size such as 6 kVA or 30 A, as the schema's pattern admits. */
    private static final Pattern CAPACITY = Pattern.compile("(\\d+(?:\\.\\d+)?) ?(kVA|A)");

    private TariffReader() {}

    /** Puts the tariff's preset or file under the keys the site gives itself. */
    static void underlayBase(ConfigFile f) {
        ConfigNode t = f.root().get("tariff");
        String preset = t.get("preset").text();
        String file = t.get("file").text();
        if (!preset.isEmpty() && !file.isEmpty()) {
            t.get("file").problem("give either preset or file, not both");
        } else if (PRESETS.contains(preset)) {
            try (var in = Tariff.class.getResourceAsStream("presets/" + preset + ".yaml")) {
                t.underlay(YamlDocument.read(
                        Path.of("(preset) " + preset + ".yaml"),
                        new InputStreamReader(in, StandardCharsets.UTF_8),
                        "a tariff"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (!file.isEmpty()) {
            Path path = t.file(file);
            try {
                t.underlay(YamlDocument.read(path, "a tariff"));
            } catch (ConfigException e) {
                t.get("file")
                        .problem("\"" + file + "\" cannot be read: "
                                + e.problems().get(0));
            }
        }
    }

    /** The billing of the site, null without a tariff or prices section, or after a problem. */
    static BillingSpec read(ConfigNode top, GridConnection grid) {
        ConfigNode at = top.get("tariff");
        BillingSpec.Prices prices = prices(top.get("prices"));
        if (at.get("contractWithBattery").given()) {
            at.get("contractWithBattery")
                    .problem(
                            "is replaced by grid.contract: auto (the default: each case at its "
                                    + "own planned 30-minute peak) or grid.contract: {withoutBattery: 140 MW, withBattery: 115 MW}");
        }
        if (!at.given() || !at.clean()) {
            return prices == null || at.given() ? null : new BillingSpec(null, prices);
        }
        TariffFile t = at.bind(TariffFile.class);
        List<EnergyBand> bands = t.energy() == null ? List.of() : bands(t.energy(), at.get("energy"));
        long energyForms = Stream.of(t.energy(), t.marketLinked(), t.energyTiers())
                .filter(Objects::nonNull)
                .count();
        if (energyForms != 1) {
            at.problem("give the energy rates one way: as energy (bands), as energyTiers (by the month's kWh) or as "
                    + "marketLinked (JEPX price + adderYenPerKwh); "
                    + (energyForms == 0 ? "one is required" : "not two"));
        }
        Tariff.EnergyTiers tiers = t.energyTiers() == null ? null : tiers(t.energyTiers(), at.get("energyTiers"));
        Tariff.ContractCapacity capacity = capacity(t, at);
        Tariff.ExportSale export = export(t.export(), at.get("export"));
        if (prices != null && prices.intradayFile() != null && t.marketLinked() == null) {
            top.get("prices")
                    .get("intraday")
                    .problem("deviations from a day-ahead position settle at JEPX prices: intraday prices need a "
                            + "tariff whose energy is JEPX-linked (marketLinked, e.g. preset: grid-battery-jepx); "
                            + "this one bills energy by its bands");
        }
        if (prices == null
                && !top.get("prices").given()
                && (t.marketLinked() != null
                        || (t.export() != null && t.export().market()))) {
            at.problem("a market-linked menu or an export sale at market price needs JEPX prices: "
                    + "add prices: {file: spot_summary_2025.csv, area: kansai}");
        }
        for (int i = 0; i < t.subsidies().size(); i++) {
            Tariff.Subsidy s = t.subsidies().get(i);
            if (s.to().isBefore(s.from())) {
                at.get("subsidies").get(i).get("to").problem("\"" + s.to() + "\" is before from \"" + s.from() + "\"");
            }
        }
        Set<MonthDay> holidayDates = holidayDates(t.holidayDates(), at.get("holidayDates"));
        Tariff.MarketPriceAdjustment mpa =
                t.marketPriceAdjustment() != null && t.marketPriceAdjustment().isObject()
                        ? marketPriceAdjustment(at.get("marketPriceAdjustment"))
                        : null;
        if (!at.clean() || grid == null) {
            return null;
        }
        // under grid.contract: auto the bill sets each case's contract; 0 is a placeholder until then
        double agreedKw = grid.contract().auto() ? 0 : grid.contract().fixedKw(false);
        Map<Integer, Double> levy = t.renewableLevy().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        e -> Integer.parseInt(e.getKey().substring(2)), Map.Entry::getValue));
        Tariff tariff = new Tariff(
                t.name(),
                t.taxIncluded(),
                t.consumptionTax(),
                t.basicChargeYenPerKwMonth(),
                new Tariff.ContractDemand(
                        "ratchet".equals(t.contract()),
                        agreedKw,
                        t.excessMultiplier(),
                        t.previousPeak(),
                        t.excessRaisesContract()),
                t.powerFactor(),
                Set.copyOf(t.summerMonths()),
                bands,
                t.marketLinked(),
                Map.copyOf(t.fuelCostAdjustment()),
                mpa,
                levy,
                List.copyOf(t.subsidies()),
                export,
                t.restDays().stream()
                        .map(d -> DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT)))
                        .collect(Collectors.toSet()),
                Set.copyOf(t.holidays()),
                t.nationalHolidays(),
                holidayDates,
                tiers,
                capacity,
                Collections.unmodifiableMap(new LinkedHashMap<>(t.monthlyYen())));
        return new BillingSpec(tariff, prices);
    }

    private static BillingSpec.Prices prices(ConfigNode at) {
        if (!at.given()) {
            return null;
        }
        Prices p = at.bind(Prices.class);
        Path path = file(at.get("file"), p.file());
        Path intraday = p.intraday() == null
                ? null
                : file(at.get("intraday").get("file"), p.intraday().file());
        return at.clean() ? new BillingSpec.Prices(path, p.area(), intraday) : null;
    }

    /** A file named relative to the site file; a problem where it does not exist. */
    private static Path file(ConfigNode at, String name) {
        if (!at.clean() || name == null) {
            return null;
        }
        Path path = at.file(name);
        if (!Files.isRegularFile(path)) {
            at.problem("\"" + name + "\" does not exist (looked for " + path + ")");
        }
        return path;
    }

    private static List<EnergyBand> bands(List<Band> given, ConfigNode at) {
        List<EnergyBand> out = given.stream()
                .map(b -> new EnergyBand(
                        b.band(),
                        EnergyBand.Season.valueOf(b.season().toUpperCase(Locale.ROOT)),
                        EnergyBand.Days.valueOf(b.days().toUpperCase(Locale.ROOT)),
                        b.hours() == null ? 0 : b.hours().get(0),
                        b.hours() == null ? 24 : b.hours().get(1),
                        b.yenPerKwh()))
                .toList();
        String gap = gap(out);
        if (gap != null) {
            at.problem("no band applies to " + gap + "; end with a band for all seasons, days and hours");
        }
        return out;
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
        if ((b.season() == EnergyBand.Season.SUMMER && !summer)
                || (b.season() == EnergyBand.Season.OTHER && summer)
                || (b.days() == EnergyBand.Days.WEEKDAYS && holiday)
                || (b.days() == EnergyBand.Days.HOLIDAYS && !holiday)) {
            return false;
        }
        return b.fromHour() < b.toHour()
                ? hour >= b.fromHour() && hour < b.toHour()
                : hour >= b.fromHour() || hour < b.toHour();
    }

    /** The month-days the schema's pattern lets through, e.g. 02-30, are refused here. */
    private static Set<MonthDay> holidayDates(List<String> given, ConfigNode at) {
        Set<MonthDay> out = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            try {
                out.add(MonthDay.parse("--" + given.get(i)));
            } catch (DateTimeParseException e) {
                at.get(i).problem("\"" + given.get(i) + "\" is not a day of the year: expected MM-DD such as 12-31");
            }
        }
        return Set.copyOf(out);
    }

    /** Tiers must rise: each upper end above the one before (and above the minimum's kWh), only the last open. */
    private static Tariff.EnergyTiers tiers(Tiers given, ConfigNode at) {
        List<Tariff.EnergyTiers.Tier> out = new ArrayList<>();
        double from = given.minimumKwh();
        for (int i = 0; i < given.tiers().size(); i++) {
            Tier tier = given.tiers().get(i);
            boolean last = i == given.tiers().size() - 1;
            ConfigNode here = at.get("tiers").get(i);
            if (tier.upToKwh() == null && !last) {
                here.problem("has no upToKwh: only the last tier is open-ended; give the kWh this tier ends at");
            } else if (tier.upToKwh() != null && last) {
                here.get("upToKwh")
                        .problem("\"" + number(tier.upToKwh())
                                + "\" ends the last tier: leave upToKwh out of the last tier, "
                                + "which prices every kWh above the one before");
            } else if (tier.upToKwh() != null && tier.upToKwh() <= from) {
                here.get("upToKwh")
                        .problem("\"" + number(tier.upToKwh()) + "\" is not above " + number(from)
                                + " kWh where the tier starts "
                                + "(the previous tier's upToKwh or minimumKwh): tiers must ascend");
            }
            double upTo = tier.upToKwh() == null ? Double.POSITIVE_INFINITY : tier.upToKwh();
            out.add(new Tariff.EnergyTiers.Tier(upTo, tier.yenPerKwh()));
            from = Math.max(from, upTo);
        }
        return new Tariff.EnergyTiers(given.minimumKwh(), given.minimumYen(), List.copyOf(out));
    }

    /** A number as written: 120, not 120.0. */
    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The low-voltage contract: a size such as 6 kVA or 30 A priced by basicChargeByContract; null for none. */
    private static Tariff.ContractCapacity capacity(TariffFile t, ConfigNode at) {
        BasicChargeByContract b = t.basicChargeByContract();
        if (t.contractCapacity() == null && b == null) {
            return null;
        }
        if (t.contractCapacity() == null || b == null) {
            at.get(t.contractCapacity() == null ? "basicChargeByContract" : "contractCapacity")
                    .problem("contractCapacity (e.g. 6 kVA or 30 A) and basicChargeByContract go together: "
                            + "give both or neither");
            return null;
        }
        if (t.basicChargeYenPerKwMonth() != 0) {
            at.get("basicChargeYenPerKwMonth")
                    .problem(
                            "\"" + number(t.basicChargeYenPerKwMonth())
                                    + "\" prices a kW contract beside a low-voltage "
                                    + "contractCapacity: give one basic charge, basicChargeByContract or this (0 with a capacity)");
        }
        Matcher sizeUnit = CAPACITY.matcher(t.contractCapacity());
        sizeUnit.matches(); // the schema's pattern
        double size = Double.parseDouble(sizeUnit.group(1));
        Map<Double, Double> perContract = new LinkedHashMap<>();
        b.perContract().forEach((k, v) -> {
            Matcher m = CAPACITY.matcher(k);
            m.matches();
            perContract.put(Double.parseDouble(m.group(1)), v);
        });
        if (!perContract.isEmpty() && !perContract.containsKey(size)) {
            at.get("contractCapacity")
                    .problem("\"" + t.contractCapacity() + "\" has no price in basicChargeByContract.perContract; "
                            + "allowed: " + String.join(", ", b.perContract().keySet()));
        }
        return new Tariff.ContractCapacity(
                size, sizeUnit.group(2), b.firstUnits(), b.firstYen(), b.yenPerUnitAbove(), Map.copyOf(perContract));
    }

    private static Tariff.ExportSale export(Export e, ConfigNode at) {
        if (e == null) {
            return null;
        }
        if (!e.market() && e.yenPerKwh() == null) {
            at.get("yenPerKwh").problem("is required: the price of exported energy, or market: true");
            return null;
        }
        return new Tariff.ExportSale(
                e.market(),
                e.market() ? e.adderYenPerKwh() : e.yenPerKwh(),
                e.fit() == null
                        ? null
                        : new Tariff.Fit(e.fit().yenPerKwh(), e.fit().until()),
                e.batteryExport());
    }

    private static Tariff.MarketPriceAdjustment marketPriceAdjustment(ConfigNode at) {
        MarketPriceAdjustment a = at.bind(MarketPriceAdjustment.class);
        List<Integer> lags = a.lagMonths();
        if (lags.get(1) < lags.get(0)) {
            at.get("lagMonths").problem("expected [first, last] whole months before the usage month, e.g. [3, 5]");
            return null;
        }
        return new Tariff.MarketPriceAdjustment(
                a.from(),
                a.baseYenPerKwh(),
                a.coefficient(),
                lags.get(0),
                lags.get(1),
                Map.copyOf(a.monthlyAveragesYenPerKwh()));
    }
}
