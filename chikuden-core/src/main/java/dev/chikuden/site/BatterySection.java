package dev.chikuden.site;

import dev.chikuden.aging.AgingSpec;
import dev.chikuden.aging.BlastLfpGr250Ah;
import dev.chikuden.aging.LifeTable;
import dev.chikuden.battery.Augmentation;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.Conversion;
import dev.chikuden.battery.PiecewiseLinear;
import dev.chikuden.battery.PowerLimits;
import dev.chikuden.battery.Thermal;
import dev.chikuden.battery.ecm.EquivalentCircuitParameters;
import dev.chikuden.config.ConfigFile;
import dev.chikuden.config.ConfigNode;
import dev.chikuden.config.ConfigProblem;
import dev.chikuden.config.YamlDocument;
import dev.chikuden.units.Quantities;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;

/**
 * One entry of {@code batteries:} made a {@link BatteryParameters}: the rules across its fields, and
 * warnings for values that are valid but that a battery hardly ever has.
 */
final class BatterySection {
    private final ConfigNode at;
    private final List<ConfigProblem> warnings;

    BatterySection(ConfigNode at, List<ConfigProblem> warnings) {
        this.at = at;
        this.warnings = warnings;
    }

    /** Puts each battery's preset, shipped as data, under the keys the battery gives itself. */
    static void underlayPresets(ConfigFile f) {
        ConfigNode batteries = f.root().get("batteries");
        for (int i = 0; batteries.get(i).given(); i++) {
            ConfigNode preset = batteries.get(i).get("preset");
            try (var in = BatteryParameters.class.getResourceAsStream("presets/" + preset.text() + ".yaml")) {
                if (preset.given() && in != null) {
                    batteries
                            .get(i)
                            .underlay(YamlDocument.read(
                                    Path.of("(preset) " + preset.text() + ".yaml"),
                                    new InputStreamReader(in, StandardCharsets.UTF_8),
                                    "a battery preset"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The battery, or null after a problem. */
    BatteryParameters read(SiteFile.Battery b, int index) {
        if (!at.clean()) {
            return null;
        }
        Double charge = b.chargePower() != null ? b.chargePower() : b.power();
        Double discharge = b.dischargePower() != null ? b.dischargePower() : b.power();
        if (charge == null || discharge == null) {
            at.get("power").problem("is required: give power (both directions) or chargePower and dischargePower");
            return null;
        }
        Double roundTrip = b.roundTripEfficiency();
        if (roundTrip != null
                && (at.get("chargeEfficiency").writtenHere()
                        || at.get("dischargeEfficiency").writtenHere())) {
            at.get("roundTripEfficiency")
                    .problem("give either roundTripEfficiency or chargeEfficiency and "
                            + "dischargeEfficiency, not both");
            return null;
        }
        double oneWay = roundTrip != null ? Math.sqrt(roundTrip) : 0.95;
        double etaC = roundTrip != null || b.chargeEfficiency() == null ? oneWay : b.chargeEfficiency();
        double etaD = roundTrip != null || b.dischargeEfficiency() == null ? oneWay : b.dischargeEfficiency();
        PiecewiseLinear pcs = curve(b.pcsEfficiency(), at.get("pcsEfficiency"), y -> y > 0 && y <= 1, "(0, 100 %]");
        PiecewiseLinear chargeTaper =
                curve(b.taper().charge(), at.get("taper").get("charge"), BatterySection::isTaperShare, "[0, 100 %]");
        PiecewiseLinear dischargeTaper = curve(
                b.taper().discharge(), at.get("taper").get("discharge"), BatterySection::isTaperShare, "[0, 100 %]");
        SiteFile.Soc soc = b.soc();
        if (soc.min() >= soc.max()) {
            ConfigNode window = at.get("soc");
            window.problem(
                    "min " + pct(soc.min()) + " is not below max " + pct(soc.max()) + "; the window must satisfy "
                            + "0 <= min < max <= 100 %",
                    window.get(window.get("min").given() ? "min" : "max"));
        } else if (soc.initial() < soc.min() || soc.initial() > soc.max()) {
            at.get("soc")
                    .get("initial")
                    .problem("initial SOC " + pct(soc.initial()) + " is outside the window " + pct(soc.min()) + " .. "
                            + pct(soc.max()));
        }
        double aux = b.auxiliaryLoad().trim().endsWith("%")
                ? at.bind(SiteFile.AuxiliaryShare.class).auxiliaryLoad() * discharge
                : at.bind(SiteFile.AuxiliaryPower.class).auxiliaryLoad();
        Thermal thermal = b.thermal() == null ? null : thermal(b.thermal(), b.energy());
        AgingSpec aging = aging(b.aging());
        if (!at.clean()) {
            return null;
        }
        plausible(b.energy(), charge, discharge, roundTrip, etaC, etaD, soc, aux);
        SiteFile.CRate c = b.maxCRate();
        return new BatteryParameters(
                b.name() != null ? b.name() : "battery-" + (index + 1),
                b.energy(),
                charge,
                discharge,
                soc.min(),
                soc.max(),
                soc.initial(),
                new Conversion(pcs, etaC, etaD),
                new PowerLimits(
                        chargeTaper,
                        dischargeTaper,
                        c.charge() != null ? c.charge() : Double.POSITIVE_INFINITY,
                        c.discharge() != null ? c.discharge() : Double.POSITIVE_INFINITY),
                aux,
                thermal,
                aging,
                b.aging().endOfLife(),
                augmentation(b.aging().augmentation()),
                b.voltageModel() == null ? null : voltageModel(b.voltageModel(), b.energy()));
    }

    /** Points {@code [x, y]} with x increasing and every y {@code allowed} ({@code range} says how, for the message). */
    /** A taper's share of the rating. */
    private static boolean isTaperShare(double y) {
        return y >= 0 && y <= 1;
    }

    private static PiecewiseLinear curve(
            List<SiteFile.FractionPoint> points, ConfigNode at, DoublePredicate allowed, String range) {
        if (points == null) {
            return PiecewiseLinear.constant(1);
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).x();
            y[i] = points.get(i).y();
            if (i > 0 && !(x[i] > x[i - 1])) {
                at.get(i)
                        .problem("x values must increase: \"" + at.get(i).get(0).text()
                                + "\" does not come after the point before");
                return null;
            }
            if (!allowed.test(y[i])) {
                at.problem("value " + pct(y[i]) + " is outside " + range);
                return null;
            }
        }
        return new PiecewiseLinear(x, y);
    }

    private Thermal thermal(SiteFile.Thermal t, double energyKwh) {
        if (t.heatingBelow() >= t.coolingAbove()) {
            at.get("thermal")
                    .get("heatingBelow")
                    .problem("\"" + at.get("thermal").get("heatingBelow").text() + "\" is not below coolingAbove \""
                            + at.get("thermal").get("coolingAbove").text() + "\"");
            return null;
        }
        double mwh = energyKwh / 1000;
        return new Thermal(
                t.heatCapacityPerMwh() * mwh,
                t.conductancePerMwh() * mwh,
                t.coolingAbove(),
                t.heatingBelow(),
                t.coolingCop(),
                t.heatingCop(),
                t.initial());
    }

    /** The pack of a cell type with {@code seriesCells} in series and as many strings as the energy needs. */
    private static EquivalentCircuitParameters voltageModel(SiteFile.VoltageModel v, double energyKwh) {
        EquivalentCircuitParameters one = EquivalentCircuitParameters.lfp280Ah(v.seriesCells(), 1);
        int strings = (int) Math.max(1, Math.round(energyKwh / one.openCircuitEnergyKwh()));
        return EquivalentCircuitParameters.lfp280Ah(v.seriesCells(), strings);
    }

    private AgingSpec aging(SiteFile.Aging a) {
        if (BlastLfpGr250Ah.NAME.equals(a.model())) {
            return new AgingSpec.Blast();
        }
        if (!"table".equals(a.model())) {
            return null;
        }
        ConfigNode table = at.get("aging").get("lifeTable");
        if (a.lifeTable() == null) {
            table.problem("is required for model table: rows of [DOD %, cycles, capacity %]");
            return null;
        }
        double[][] rows = a.lifeTable().stream()
                .map(r -> new double[] {r.depth() * 100, r.cycles(), r.capacity() * 100})
                .toArray(double[][]::new);
        try {
            SiteFile.Calendar c = a.calendar();
            return new AgingSpec.Table(new LifeTable(rows), c.lossAfterOneYear(), c.at(), c.doublesEvery());
        } catch (IllegalArgumentException e) {
            table.problem(e.getMessage());
            return null;
        }
    }

    private static Augmentation augmentation(SiteFile.Augmentation a) {
        return new Augmentation(a.whenSohBelow(), a.every() == null ? 0 : a.every() / 86_400);
    }

    /**
     * Warns of valid values that a battery hardly ever has (a round trip of 9 %, a 20 h or a 6 min
     * battery, a narrow SOC window, auxiliaries drawing a tenth of the rating): most are a unit or a
     * digit gone wrong, and the study would run on them without a word.
     *
     * @param givenRoundTrip the roundTripEfficiency key, null when absent
     */
    private void plausible(
            double energyKwh,
            double chargeKw,
            double dischargeKw,
            Double givenRoundTrip,
            double etaC,
            double etaD,
            SiteFile.Soc soc,
            double auxKw) {
        String usual = "outside the usual 70-98 % of a battery";
        double roundTrip = etaC * etaD;
        if (givenRoundTrip != null && (givenRoundTrip < 0.70 || givenRoundTrip > 0.98)) {
            warn(
                    at.get("roundTripEfficiency"),
                    "\"" + at.get("roundTripEfficiency").text() + "\" is " + usual
                            + "'s round-trip efficiency; used as given, check it");
        } else if (givenRoundTrip == null && (roundTrip < 0.70 || roundTrip > 0.98)) {
            warn(
                    at.get(at.get("chargeEfficiency").writtenHere() ? "chargeEfficiency" : "dischargeEfficiency"),
                    "charge " + pct(etaC) + " x discharge " + pct(etaD) + " is a round trip of " + pct(roundTrip) + ", "
                            + usual + "; used as given, check them");
        }
        String chargeKey = at.get("chargePower").given() ? "chargePower" : "power";
        String dischargeKey = at.get("dischargePower").given() ? "dischargePower" : "power";
        if (chargeKey.equals(dischargeKey) && chargeKw == dischargeKw) {
            cRate(at.get(chargeKey), chargeKw, energyKwh, "charge or discharge");
        } else {
            cRate(at.get(chargeKey), chargeKw, energyKwh, "charge");
            cRate(at.get(dischargeKey), dischargeKw, energyKwh, "discharge");
        }
        if (soc.max() - soc.min() < 0.5) {
            warn(
                    at.get("soc"),
                    "the window " + pct(soc.min()) + " .. " + pct(soc.max()) + " uses "
                            + pct(soc.max() - soc.min())
                            + " of the energy; batteries usually use 60-100 % (e.g. 5 % .. 95 %); "
                            + "used as given, check min and max");
        }
        if (auxKw > 0.05 * dischargeKw) {
            warn(
                    at.get("auxiliaryLoad"),
                    "\"" + at.get("auxiliaryLoad").text() + "\" is " + pct(auxKw / dischargeKw)
                            + " of the discharge rating, above the usual 5 % of a battery's auxiliaries; used as given, check it");
        }
    }

    /** A rating of {@code kw} on {@code energyKwh} outside 0.1-4 C: a 10 h battery or a 15 min one. */
    private void cRate(ConfigNode key, double kw, double energyKwh, String what) {
        double c = kw / energyKwh;
        if (c >= 0.1 && c <= 4) {
            return;
        }
        warn(
                key,
                "\"" + key.text() + "\" on " + String.format(Locale.ROOT, "%,.0f", energyKwh) + " kWh is "
                        + BigDecimal.valueOf(c)
                                .round(new MathContext(3))
                                .stripTrailingZeros()
                                .toPlainString()
                        + " C (a full " + what + " takes " + Quantities.formatDuration(Math.round(3600 / c))
                        + "), outside the usual 0.1-4 C of a battery; used as given, check power and energy");
    }

    private void warn(ConfigNode key, String message) {
        warnings.add(key.remark(message));
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.4g %%", fraction * 100).replaceAll("\\.?0+ %", " %");
    }
}
