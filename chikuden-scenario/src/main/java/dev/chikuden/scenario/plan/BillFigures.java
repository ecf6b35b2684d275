package dev.chikuden.scenario.plan;

import dev.chikuden.tariff.Bill;
import dev.chikuden.tariff.MonthlyBill;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bill as printed: line items in bill order, month by month.
 *
 * @param lineItems line item (e.g. {@code basicChargeYen}) to whole yen, summing exactly to {@code totalYen}
 */
public record BillFigures(
        String tariff, long totalYen, Map<String, Long> lineItems, List<Month> months, List<String> warnings) {
    /** One usage month's bill. */
    public record Month(
            String month,
            double importKwh,
            double exportKwh,
            double maxDemandKw,
            double contractKw,
            double coveredFraction,
            Map<String, Long> lineItems,
            long totalYen) {}

    public static BillFigures of(Bill b) {
        List<Month> months = b.months().stream().map(BillFigures::month).toList();
        return new BillFigures(b.tariff(), b.totalYen(), b.lineItemsYen(), months, b.warnings());
    }

    private static Month month(MonthlyBill m) {
        return new Month(
                m.month().toString(),
                m.importKwh(),
                m.exportKwh(),
                m.maxDemandKw(),
                m.contractKw(),
                m.coveredFraction(),
                m.lineItemsYen(),
                m.totalYen());
    }

    /** Rows "label, yen without, yen with, change" for each line item and the total; {@code with} may be null. */
    public static void rows(StringBuilder sb, BillFigures without, BillFigures with) {
        sb.append("Bill: ").append(without.tariff()).append('\n');
        for (Map.Entry<String, Long> e : without.lineItems().entrySet()) {
            row(
                    sb,
                    "  " + label(e.getKey()),
                    e.getValue(),
                    with == null ? null : with.lineItems().get(e.getKey()));
        }
        row(sb, "Bill total", without.totalYen(), with == null ? null : with.totalYen());
        for (String w : without.warnings()) {
            sb.append("Bill warning: ").append(w).append('\n');
        }
    }

    private static void row(StringBuilder sb, String label, long a, Long b) {
        if (b == null) {
            sb.append(String.format(
                    Locale.ROOT, "%-28s %-5s %16s%n", label, "yen", String.format(Locale.ROOT, "%,d", a)));
            return;
        }
        sb.append(String.format(
                Locale.ROOT,
                "%-28s %-5s %16s %16s %12s%n",
                label,
                "yen",
                String.format(Locale.ROOT, "%,d", a),
                String.format(Locale.ROOT, "%,d", b),
                String.format(Locale.ROOT, "%+,d", b - a)));
    }

    /** {@code energyChargeSummerYen} -> "Energy charge summer". */
    public static String label(String key) {
        String words = key.replaceAll("Yen$", "").replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
