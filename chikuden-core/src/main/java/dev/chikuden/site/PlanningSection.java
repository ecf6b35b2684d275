package dev.chikuden.site;

import dev.chikuden.config.ConfigNode;
import java.util.List;

/** Makes the top-level {@code optimize}, {@code markets}, {@code finance}, {@code sizing} and {@code outage} sections. */
final class PlanningSection {
    private PlanningSection() {}

    /** The planning settings, or null after a problem. */
    static PlanningSpec read(SiteFile s, ConfigNode top) {
        PlanningSpec.OptimizeSpec optimize = optimize(s.optimize(), top.get("optimize"));
        if (!top.get("finance").clean()
                || !top.get("sizing").clean()
                || !top.get("outage").clean()) {
            return null;
        }
        PlanningSpec.FinanceSpec finance = s.finance() == null ? null : finance(s.finance());
        PlanningSpec.SizingSpec sizing = s.sizing() == null ? null : sizing(s.sizing(), top.get("sizing"));
        PlanningSpec.OutageSpec outage = s.outage() == null
                ? null
                : new PlanningSpec.OutageSpec(
                        s.outage().criticalLoad(),
                        s.outage().durations().stream()
                                .mapToDouble(d -> d / 3600)
                                .toArray());
        MarketsSpec markets = MarketsSection.read(s.markets(), top.get("markets"));
        return optimize == null || !top.get("sizing").clean() || markets == null
                ? null
                : new PlanningSpec(optimize, finance, sizing, outage, markets);
    }

    private static PlanningSpec.OptimizeSpec optimize(SiteFile.Optimize o, ConfigNode at) {
        if (at.get("contract").given()) {
            at.get("contract")
                    .problem("is replaced by grid.contract (auto by default: each case at its own planned "
                            + "30-minute peak) and grid.exceedance (forbid, the default, or penalty: the contract that "
                            + "minimises the bill with its excess charges); remove optimize.contract");
        }
        if (at.get("step").clean() && o.step() != 1800 && o.step() != 900) {
            at.get("step").problem("\"" + at.get("step").text() + "\" is not an LP period; use 30 min or 15 min");
        }
        if (!at.clean()) {
            return null;
        }
        return new PlanningSpec.OptimizeSpec(
                Math.round(o.step() * 1000),
                o.solver(),
                o.terminalSoc() == null ? Double.NaN : o.terminalSoc(),
                "auto".equals(o.degradationCost()) ? Double.NaN : Double.parseDouble(o.degradationCost()));
    }

    private static PlanningSpec.FinanceSpec finance(SiteFile.Finance f) {
        return new PlanningSpec.FinanceSpec(
                f.capexYenPerKwh(),
                f.capexYenPerKw(),
                f.fixedOmYenPerKwYear(),
                f.replacementYenPerKwh() != null ? f.replacementYenPerKwh() : f.capexYenPerKwh(),
                f.discountRate(),
                f.years(),
                f.salvage());
    }

    private static PlanningSpec.SizingSpec sizing(SiteFile.Sizing s, ConfigNode at) {
        double[] power = s.power().isObject()
                ? range(at.get("power").bind(SiteFile.PowerRange.class), at.get("power"))
                : values(at.bind(SiteFile.PowerList.class).power());
        double[] energy = s.energy().isObject()
                ? range(at.get("energy").bind(SiteFile.EnergyRange.class), at.get("energy"))
                : values(at.bind(SiteFile.EnergyList.class).energy());
        return new PlanningSpec.SizingSpec(power, energy);
    }

    private static double[] range(SiteFile.PowerRange r, ConfigNode at) {
        return range(r.from(), r.to(), r.steps(), at);
    }

    private static double[] range(SiteFile.EnergyRange r, ConfigNode at) {
        return range(r.from(), r.to(), r.steps(), at);
    }

    /** {@code {from, to, steps}}: {@code steps} values evenly from {@code from} to {@code to}. */
    private static double[] range(double from, double to, int steps, ConfigNode at) {
        if (to < from) {
            at.get("to").problem("must not be below from");
        }
        double[] out = new double[steps];
        for (int i = 0; i < steps; i++) {
            out[i] = steps == 1 ? from : from + (to - from) * i / (steps - 1);
        }
        return out;
    }

    private static double[] values(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
