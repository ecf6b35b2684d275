package dev.chikuden.cli.output;

import static dev.chikuden.scenario.Numbers.trim;

import dev.chikuden.optimize.resilience.OutageReport;
import java.util.Locale;

/** The outage figures of a dispatch as text, for {@code size} and {@code optimize}. */
public final class OutageTable {
    private OutageTable() {}

    /**
     * @param whose         which battery the figures are of ("best size", "the site's battery")
     * @param dischargeKw   the battery's discharge rating, to explain a battery below the critical load
     */
    public static void render(StringBuilder sb, String whose, OutageReport outage, double dischargeKw) {
        sb.append(String.format(
                Locale.ROOT,
                "%nOutage, %s: %s MW critical load, an outage starting in any "
                        + "period (backup hours capped at %s h)%n",
                whose,
                trim(outage.criticalLoadKw() / 1000),
                trim(outage.maxOutageHours())));
        double[] hours = outage.hours();
        double[] p = outage.survivalProbability();
        StringBuilder carried = new StringBuilder();
        for (int i = 0; i < hours.length; i++) {
            carried.append(i == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s h %.1f %%", trim(hours[i]), p[i] * 100));
        }
        line(sb, "Carried through", carried.toString());
        line(
                sb,
                "Backup hours",
                String.format(
                        Locale.ROOT, "mean %.2f, minimum %.2f", outage.meanBackupHours(), outage.minBackupHours()));
        if (outage.criticalLoadKw() > dischargeKw && outage.meanBackupHours() == 0) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  (the battery delivers at most %s MW: below the critical load, "
                            + "it carries no outage without PV)%n",
                    trim(dischargeKw / 1000)));
        }
        sb.append(String.format(Locale.ROOT, "  %-9s %10s %10s%n", "month", "min h", "mean h"));
        for (OutageReport.Month m : outage.months()) {
            sb.append(String.format(
                    Locale.ROOT, "  %-9s %10.2f %10.2f%n", m.month(), m.minBackupHours(), m.meanBackupHours()));
        }
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "  %-20s %s%n", label, value));
    }
}
