package dev.chikuden.cli.plan;

import dev.chikuden.tariff.Bill;
import dev.chikuden.tariff.MonthlyBill;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A bill as an ordered tree of names and values (JSON), and its line items as table rows. */
public final class BillFigures {
    private BillFigures() {
    }

    public static Map<String, Object> of(Bill b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tariff", b.tariff());
        m.put("totalYen", b.totalYen());
        m.put("lineItems", b.lineItemsYen());
        List<Map<String, Object>> months = new ArrayList<>();
        for (MonthlyBill mb : b.months()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("month", mb.month().toString());
            x.put("importKwh", mb.importKwh());
            x.put("exportKwh", mb.exportKwh());
            x.put("maxDemandKw", mb.maxDemandKw());
            x.put("contractKw", mb.contractKw());
            x.put("coveredFraction", mb.coveredFraction());
            x.put("lineItems", mb.lineItemsYen());
            x.put("totalYen", mb.totalYen());
            months.add(x);
        }
        m.put("months", months);
        m.put("warnings", b.warnings());
        return m;
    }

    /** Rows "label, yen without, yen with, change" for each line item and the total; {@code with} may be null. */
    @SuppressWarnings("unchecked")
    public static void rows(StringBuilder sb, Map<String, Object> without, Map<String, Object> with) {
        sb.append("Bill: ").append(without.get("tariff")).append('\n');
        Map<String, Object> a = (Map<String, Object>) without.get("lineItems");
        Map<String, Object> b = with == null ? null : (Map<String, Object>) with.get("lineItems");
        for (String key : a.keySet()) {
            row(sb, "  " + label(key), yen(a, key), b == null ? null : yen(b, key));
        }
        row(sb, "Bill total", yen(without, "totalYen"), with == null ? null : yen(with, "totalYen"));
        for (Object w : (List<Object>) without.get("warnings")) {
            sb.append("Bill warning: ").append(w).append('\n');
        }
    }

    private static void row(StringBuilder sb, String label, long a, Long b) {
        if (b == null) {
            sb.append(String.format(Locale.ROOT, "%-28s %-5s %16s%n", label, "yen", String.format(Locale.ROOT, "%,d", a)));
            return;
        }
        sb.append(String.format(Locale.ROOT, "%-28s %-5s %16s %16s %12s%n", label, "yen", String.format(Locale.ROOT, "%,d", a),
                String.format(Locale.ROOT, "%,d", b), String.format(Locale.ROOT, "%+,d", b - a)));
    }

    private static long yen(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    /** {@code energyChargeSummerYen} -> "Energy charge summer". */
    static String label(String key) {
        String words = key.replaceAll("Yen$", "").replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
