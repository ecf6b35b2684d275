package dev.chikuden.site;

import dev.chikuden.units.Dimension;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the top-level {@code optimize}, {@code finance}, {@code sizing} and {@code outage} sections. */
final class PlanningSection {
    private PlanningSection() {
    }

    static PlanningSpec read(YamlMap top) {
        PlanningSpec.OptimizeSpec optimize = top.has("optimize") ? optimize(top.map("optimize"))
                : PlanningSpec.OptimizeSpec.DEFAULT;
        PlanningSpec.FinanceSpec finance = top.has("finance") ? finance(top.map("finance")) : null;
        PlanningSpec.SizingSpec sizing = top.has("sizing") ? sizing(top.map("sizing")) : null;
        PlanningSpec.OutageSpec outage = top.has("outage") ? outage(top.map("outage")) : null;
        return new PlanningSpec(optimize, finance, sizing, outage);
    }

    private static PlanningSpec.OptimizeSpec optimize(YamlMap m) {
        double step = m.positive("step", Dimension.DURATION, 1800, true);
        if (!Double.isNaN(step) && step != 1800 && step != 900) {
            m.problem("step", "\"" + m.text("step", "") + "\" is not an LP period; use 30 min or 15 min");
        }
        String solver = m.choice("solver", "highs", List.of("highs", "clp", "cbc", "glop"));
        if (m.has("contract")) {
            m.problem("contract", "is replaced by grid.contract (auto by default: each case at its own planned "
                    + "30-minute peak) and grid.exceedance (forbid, the default, or penalty: the contract that "
                    + "minimises the bill with its excess charges); remove optimize.contract");
        }
        double terminal = m.has("terminalSoc") ? m.fraction("terminalSoc", Double.NaN, 0, 1, false, "an SOC") : Double.NaN;
        double degradation = Double.NaN;
        if (m.has("degradationCost") && !"auto".equals(m.text("degradationCost", "auto"))) {
            degradation = m.number("degradationCost", Double.NaN, 0, 1e4);
        }
        PlanningSpec.ReserveSpec reserve = m.has("reserve") ? reserve(m.map("reserve")) : null;
        m.finish();
        return new PlanningSpec.OptimizeSpec(Double.isNaN(step) ? 1_800_000 : Math.round(step * 1000),
                solver == null ? "highs" : solver, terminal, degradation, reserve);
    }

    private static PlanningSpec.ReserveSpec reserve(YamlMap m) {
        String product = m.choice("product", "primary",
                List.of("primary", "secondary-1", "secondary-2", "tertiary-1", "tertiary-2"));
        double price = m.number("priceYenPerKwH", Double.NaN, 0, 1e5);
        double duration = m.positive("duration", Dimension.DURATION, Double.NaN, true);
        double block = m.positive("block", Dimension.DURATION, 3 * 3600, true);
        double max = m.positive("max", Dimension.POWER, Double.POSITIVE_INFINITY, false);
        m.finish();
        return new PlanningSpec.ReserveSpec(product, price, duration / 3600, block / 3600, max);
    }

    private static PlanningSpec.FinanceSpec finance(YamlMap m) {
        double perKwh = m.number("capexYenPerKwh", Double.NaN, 0, 1e7);
        double perKw = m.number("capexYenPerKw", 0, 0, 1e7);
        double om = m.number("fixedOmYenPerKwYear", 0, 0, 1e6);
        double replacement = m.number("replacementYenPerKwh", Double.isNaN(perKwh) ? 0 : perKwh, 0, 1e7);
        double rate = m.fraction("discountRate", 0.05, -0.5, 1, false, "a discount rate");
        double years = m.number("years", 15, 1, 60);
        double salvage = m.fraction("salvage", 0, 0, 1, false, "a share of the capex");
        m.finish();
        return new PlanningSpec.FinanceSpec(perKwh, perKw, om, replacement, rate, (int) years, salvage);
    }

    private static PlanningSpec.SizingSpec sizing(YamlMap m) {
        double[] power = range(m, "power", Dimension.POWER);
        double[] energy = range(m, "energy", Dimension.ENERGY);
        m.finish();
        return new PlanningSpec.SizingSpec(power, energy);
    }

    /** {@code [10 MW, 20 MW]} or {@code {from: 10 MW, to: 100 MW, steps: 10}}. */
    private static double[] range(YamlMap m, String key, Dimension dimension) {
        if (!m.has(key)) {
            m.problem(null, m.at(key), "is required: a list such as [10 MW, 20 MW] or {from, to, steps}");
            return null;
        }
        if (m.raw(key) instanceof MappingNode) {
            YamlMap r = m.map(key);
            double from = r.positive("from", dimension, Double.NaN, true);
            double to = r.positive("to", dimension, Double.NaN, true);
            double steps = r.number("steps", Double.NaN, 1, 100);
            r.finish();
            if (Double.isNaN(from) || Double.isNaN(to) || Double.isNaN(steps)) {
                return null;
            }
            if (to < from) {
                r.problem("to", "must not be below from");
                return null;
            }
            int n = (int) steps;
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = n == 1 ? from : from + (to - from) * i / (n - 1);
            }
            return out;
        }
        double[] v = m.quantities(key, dimension);
        if (v != null) {
            for (int i = 0; i < v.length; i++) {
                if (!(v[i] > 0)) {
                    Node item = ((SequenceNode) m.raw(key)).getValue().get(i);
                    m.problem(item, m.at(key) + "[" + i + "]", "\"" + ((ScalarNode) item).getValue()
                            + "\" must be greater than 0");
                    return null;
                }
            }
        }
        return v;
    }

    private static PlanningSpec.OutageSpec outage(YamlMap m) {
        double load = m.positive("criticalLoad", Dimension.POWER, Double.NaN, true);
        double[] hours = m.has("durations") ? m.quantities("durations", Dimension.DURATION) : new double[] {3600 * 1.0,
                3600 * 4.0, 3600 * 8.0, 3600 * 24.0};
        m.finish();
        if (hours != null) {
            for (int i = 0; i < hours.length; i++) {
                hours[i] /= 3600;
            }
        }
        return new PlanningSpec.OutageSpec(load, hours);
    }
}
