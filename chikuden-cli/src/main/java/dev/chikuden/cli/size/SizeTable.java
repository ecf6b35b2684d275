package dev.chikuden.cli.size;

import static dev.chikuden.cli.output.Numbers.trim;

import dev.chikuden.cli.output.OutageTable;
import dev.chikuden.optimize.resilience.OutageReport;
import dev.chikuden.optimize.sizing.Candidate;
import dev.chikuden.optimize.sizing.SizingResult;
import dev.chikuden.site.PlanningSpec;
import dev.chikuden.site.SiteConfig;
import java.util.List;
import java.util.Locale;

/**
 * A sizing sweep for a terminal: the NPV of every size as a grid (rows power in MW, columns
 * energy in MWh, the best marked), the best size's figures and, when the site has an outage
 * section, how long that size carries the critical load.
 */
public final class SizeTable {
    private static final double M = 1e6;

    private SizeTable() {
    }

    /** @param outage null when the site has no outage section */
    public static String render(SiteConfig site, SizingResult r, OutageReport outage) {
        StringBuilder sb = new StringBuilder();
        PlanningSpec.FinanceSpec f = site.planning().finance();
        double[] power = r.powerKw();
        double[] energy = r.energyKwh();
        sb.append(String.format(Locale.ROOT, "%s: %d sizes (%d powers x %d energies), each dispatched over %,d periods "
                        + "of %s min by the LP (%s) in %.1f s%n", site.name(), r.candidates().size(), power.length,
                energy.length, r.periods(), trim(r.best().problem().periodMs() / 60_000.0), r.solver(),
                r.wallSeconds()));
        if (r.defaultGrid()) {
            sb.append("No sizing section: trying 0.5 to 1.5 times the site's battery, 5 x 5; add e.g. sizing: "
                    + "{power: {from: 10 MW, to: 100 MW, steps: 10}, energy: [40 MWh, 80 MWh]}\n");
        }
        sb.append(String.format(Locale.ROOT, "Without a battery the site pays %,.1f M yen over the study (the LP's bill)%n",
                r.baselineYen() / M));

        sb.append(String.format(Locale.ROOT, "%nNPV over %d years at %s %%, M yen (* the best)%n", f.years(),
                trim(f.discountRate() * 100)));
        int width = 10;
        for (int j = 0; j < energy.length; j++) {
            width = Math.max(width, trim(energy[j] / 1000).length() + 5);
        }
        sb.append(String.format(Locale.ROOT, "%-12s", "MW \\ MWh"));
        for (double e : energy) {
            sb.append(pad(trim(e / 1000), width));
        }
        sb.append('\n');
        for (int i = 0; i < power.length; i++) {
            sb.append(String.format(Locale.ROOT, "%-12s", trim(power[i] / 1000)));
            for (int j = 0; j < energy.length; j++) {
                Candidate c = r.at(i, j);
                String cell = !c.feasible() ? "infeasible"
                        : String.format(Locale.ROOT, "%,.1f", c.npvYen() / M);
                if (i * energy.length + j == r.bestIndex()) {
                    cell = "*" + cell;
                }
                sb.append(pad(cell, width));
            }
            sb.append('\n');
        }
        List<Candidate> infeasible = r.candidates().stream().filter(c -> !c.feasible()).toList();
        if (!infeasible.isEmpty()) {
            sb.append("Infeasible: ").append(infeasible.get(0).infeasibleReason()).append('\n');
        }

        Candidate b = r.bestCandidate();
        sb.append(String.format(Locale.ROOT, "%nBest: %s MW / %s MWh (%s h)%n", trim(b.powerKw() / 1000),
                trim(b.energyKwh() / 1000), trim(b.durationHours())));
        line(sb, "Annual saving", String.format(Locale.ROOT, "%,.1f M yen (reserve revenue %,.1f M yen)",
                b.annualSavingYen() / M, b.reserveRevenueYen() / M));
        line(sb, "Capex", String.format(Locale.ROOT, "%,.1f M yen", b.capexYen() / M));
        line(sb, "NPV", String.format(Locale.ROOT, "%,.1f M yen", b.npvYen() / M));
        line(sb, "IRR", Double.isNaN(b.irr()) ? "none" : String.format(Locale.ROOT, "%.1f %%", b.irr() * 100));
        line(sb, "Simple payback", years(b.paybackYears()));
        line(sb, "Discounted payback", years(b.discountedPaybackYears()));
        line(sb, "LCOS", Double.isNaN(b.lcosYenPerKwh()) ? "none (nothing discharged)"
                : String.format(Locale.ROOT, "%,.1f yen/kWh discharged", b.lcosYenPerKwh()));
        line(sb, "Discharged a year", String.format(Locale.ROOT, "%,.0f MWh (%.0f full cycles of the nameplate)",
                b.annualDischargeKwh() / 1000, b.annualDischargeKwh() / b.energyKwh()));
        line(sb, "Contract", String.format(Locale.ROOT, "%,.0f kW (without a battery %,.0f kW)", b.contractKw(),
                r.baselineContractKw()));
        line(sb, "State of health", String.format(Locale.ROOT, "%.1f %% after year 1, %.1f %% after year %d",
                b.life().sohAfterFirstYear() * 100, b.life().sohAtEnd() * 100, f.years()));
        double eol = b.yearsToEndOfLife();
        double bought = b.life().replacementKwh();
        line(sb, "End of life", (Double.isInfinite(eol) ? "not within the " + f.years() + " years"
                : String.format(Locale.ROOT, "after %.1f years", eol))
                + (bought > 0 ? String.format(Locale.ROOT, "; %,.0f MWh of cells bought (%s)", bought / 1000,
                replacementYears(b.life().replacementKwhByYear())) : "; no cells bought"));
        if (!b.life().warnings().isEmpty()) {
            line(sb, "Aging model", b.life().warnings().get(0)
                    + (b.life().warnings().size() > 1 ? " (and " + (b.life().warnings().size() - 1) + " more)" : ""));
        }

        if (outage != null) {
            OutageTable.render(sb, "best size", outage, r.best().problem().storage().dischargeKw());
        }

        sb.append("\nAssumptions:\n");
        for (String a : SizeFigures.assumptions(site, r)) {
            sb.append("- ").append(a).append('\n');
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "  %-20s %s%n", label, value));
    }

    private static String years(double y) {
        return Double.isInfinite(y) ? "not within the study" : String.format(Locale.ROOT, "%.1f years", y);
    }

    private static String replacementYears(double[] byYear) {
        StringBuilder s = new StringBuilder();
        for (int y = 0; y < byYear.length; y++) {
            if (byYear[y] > 0) {
                s.append(s.length() == 0 ? "year " : ", ").append(y + 1);
            }
        }
        return s.toString();
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(1, width - s.length())) + s;
    }
}
