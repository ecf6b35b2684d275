package dev.chikuden.cli.size;

import static dev.chikuden.scenario.Numbers.trim;

import dev.chikuden.cli.output.OutageTable;
import dev.chikuden.optimize.resilience.OutageReport;
import dev.chikuden.optimize.sizing.Candidate;
import dev.chikuden.optimize.sizing.SizingResult;
import dev.chikuden.optimize.sizing.SizingSweep;
import dev.chikuden.scenario.size.SizeFigures;
import dev.chikuden.site.PlanningSpec;
import dev.chikuden.site.SiteConfig;
import java.util.List;
import java.util.Locale;

/**
 * A sizing sweep for a terminal: the delivered NPV of every size as a grid (rows power in MW,
 * columns energy in MWh, the best marked) and the LP's NPV as a second grid, the best size's
 * figures and, when the site has an outage section, how long that size carries the critical load.
 */
public final class SizeTable {
    private static final double M = 1e6;

    private SizeTable() {}

    /** @param outage null when the site has no outage section */
    public static String render(SiteConfig site, SizingResult r, OutageReport outage) {
        StringBuilder sb = new StringBuilder();
        PlanningSpec.FinanceSpec f = site.planning().finance();
        double[] power = r.powerKw();
        double[] energy = r.energyKwh();
        sb.append(String.format(
                Locale.ROOT,
                "%s: %d sizes (%d powers x %d energies), each dispatched over %,d periods "
                        + "of %s min by the LP (%s) in %.1f s%n",
                site.name(),
                r.candidates().size(),
                power.length,
                energy.length,
                r.periods(),
                trim(r.best().problem().periodMs() / 60_000.0),
                r.solver(),
                r.wallSeconds()));
        if (r.defaultGrid()) {
            sb.append("No sizing section: trying 0.5 to 1.5 times the site's battery, 5 x 5; add e.g. sizing: "
                    + "{power: {from: 10 MW, to: 100 MW, steps: 10}, energy: [40 MWh, 80 MWh]}\n");
        }
        sb.append(String.format(
                Locale.ROOT,
                "Without a battery the site pays %,.1f M yen over the study (contract "
                        + "%,.0f kW, %s), as plan and optimize bill it%n",
                r.withoutBattery().totalYen() / M,
                r.withoutBattery().contractKw(),
                r.withoutBattery().basis().id()));
        double year = SizingSweep.yearScale(r.best().problem());
        if (year > 1 + 1e-9) {
            sb.append(String.format(
                    Locale.ROOT,
                    "The study covers %s d: its money and energy are scaled to a year (x %.2f) for the annual "
                            + "figures, NPV and payback, as if every week were like its own%n",
                    trim(365 / year),
                    year));
        }
        sb.append(String.format(
                Locale.ROOT,
                "%d sizes played through the battery model%s%n",
                r.simulated(),
                r.simulated() < r.candidates().size() ? " (the best by the LP's NPV); '-' not simulated" : ""));
        grid(
                sb,
                r,
                String.format(
                        Locale.ROOT,
                        "%nNPV delivered over %d years at %s %%, M yen (* the best)%n",
                        f.years(),
                        trim(f.discountRate() * 100)),
                true);
        grid(sb, r, String.format(Locale.ROOT, "%nNPV by the LP's bound, M yen%n"), false);
        List<Candidate> infeasible =
                r.candidates().stream().filter(c -> !c.feasible()).toList();
        if (!infeasible.isEmpty()) {
            sb.append("Infeasible: ")
                    .append(infeasible.get(0).infeasibleReason())
                    .append('\n');
        }

        Candidate b = r.bestCandidate();
        sb.append(String.format(
                Locale.ROOT,
                "%nBest: %s MW / %s MWh (%s h), by its delivered NPV%n",
                trim(b.powerKw() / 1000),
                trim(b.energyKwh() / 1000),
                trim(b.durationHours())));
        line(
                sb,
                "Annual saving",
                String.format(
                        Locale.ROOT,
                        "%,.1f M yen delivered, %,.1f M yen the LP's bound " + "(reserve revenue %,.1f M yen)",
                        b.delivered().annualSavingYen() / M,
                        b.lp().annualSavingYen() / M,
                        b.reserveRevenueYen() / M));
        line(sb, "Capex", String.format(Locale.ROOT, "%,.1f M yen", b.capexYen() / M));
        line(
                sb,
                "NPV",
                String.format(
                        Locale.ROOT,
                        "%,.1f M yen delivered, %,.1f M yen the LP's bound",
                        b.delivered().npvYen() / M,
                        b.lp().npvYen() / M));
        Candidate.Value v = b.delivered();
        line(sb, "IRR", Double.isNaN(v.irr()) ? "none" : String.format(Locale.ROOT, "%.1f %%", v.irr() * 100));
        line(sb, "Simple payback", years(v.paybackYears()));
        line(sb, "Discounted payback", years(v.discountedPaybackYears()));
        line(
                sb,
                "LCOS",
                Double.isNaN(v.lcosYenPerKwh())
                        ? "none (nothing discharged)"
                        : String.format(Locale.ROOT, "%,.1f yen/kWh discharged", v.lcosYenPerKwh()));
        line(
                sb,
                "Discharged a year",
                String.format(
                        Locale.ROOT,
                        "%,.0f MWh (%.0f full cycles of the nameplate)",
                        b.annualDischargeKwh() / 1000,
                        b.annualDischargeKwh() / b.energyKwh()));
        line(
                sb,
                "Contract",
                String.format(
                        Locale.ROOT,
                        "%,.0f kW (without a battery %,.0f kW)",
                        b.delivery().bill().contractKw(),
                        r.withoutBattery().contractKw()));
        line(
                sb,
                "State of health",
                String.format(
                        Locale.ROOT,
                        "%.1f %% after year 1, %.1f %% after year %d",
                        b.life().sohAfterFirstYear() * 100,
                        b.life().sohAtEnd() * 100,
                        f.years()));
        double eol = b.yearsToEndOfLife();
        double bought = b.life().replacementKwh();
        line(
                sb,
                "End of life",
                (Double.isInfinite(eol)
                                ? "not within the " + f.years() + " years"
                                : String.format(Locale.ROOT, "after %.1f years", eol))
                        + (bought > 0
                                ? String.format(
                                        Locale.ROOT,
                                        "; %,.0f MWh of cells bought (%s)",
                                        bought / 1000,
                                        replacementYears(b.life().replacementKwhByYear()))
                                : "; no cells bought"));
        if (!b.life().warnings().isEmpty()) {
            line(
                    sb,
                    "Aging model",
                    b.life().warnings().get(0)
                            + (b.life().warnings().size() > 1
                                    ? " (and " + (b.life().warnings().size() - 1) + " more)"
                                    : ""));
        }

        if (outage != null) {
            OutageTable.render(
                    sb, "best size", outage, r.best().problem().storage().dischargeKw());
        }

        sb.append("\nAssumptions:\n");
        for (String a : SizeFigures.assumptions(site, r)) {
            sb.append("- ").append(a).append('\n');
        }
        return sb.toString();
    }

    /** One NPV per size, power by energy: the delivered ones, or the LP's; the best marked in the first. */
    private static void grid(StringBuilder sb, SizingResult r, String title, boolean delivered) {
        double[] power = r.powerKw();
        double[] energy = r.energyKwh();
        sb.append(title);
        int width = 10;
        for (double e : energy) {
            width = Math.max(width, trim(e / 1000).length() + 5);
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
                Candidate.Value v = !c.feasible() ? null : delivered ? c.delivered() : c.lp();
                String cell = !c.feasible()
                        ? "infeasible"
                        : v == null ? "-" : String.format(Locale.ROOT, "%,.1f", v.npvYen() / M);
                if (delivered && i * energy.length + j == r.bestIndex()) {
                    cell = "*" + cell;
                }
                sb.append(pad(cell, width));
            }
            sb.append('\n');
        }
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
