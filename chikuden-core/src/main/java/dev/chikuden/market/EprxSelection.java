package dev.chikuden.market;

import dev.chikuden.BadInputException;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What to read from EPRX result files (the area's column, the metric's rows, the category システム約定結果
 * where the files have one) and what was seen, for a message when nothing matched. Names compare
 * after NFKC, so （TSO別） and (TSO別) are one, and a metric named without its unit matches any.
 */
final class EprxSelection {
    /** The category of the market's own clearing, the rows read where a file has a category column. */
    static final String SYSTEM_CLEARING = "システム約定結果";

    private static final String TOTAL = "合計";
    private static final int SEEN_LISTED = 20;

    private final String area;
    private final String areaColumn;
    private final String metricAsked;
    private final String metric;
    private final boolean metricHasUnit;
    private final Set<String> metricsSeen = new LinkedHashSet<>();
    private final Set<String> categoriesSeen = new LinkedHashSet<>();
    private String metricRead;
    private String areaRead;

    EprxSelection(String area, String metric) {
        this.area = area.trim();
        String key = this.area.toLowerCase(Locale.ROOT);
        this.areaColumn = key.equals("total") ? TOTAL : JepxSpotCsv.AREAS.getOrDefault(key, this.area);
        this.metricAsked = metric.trim();
        this.metric = normal(metric);
        this.metricHasUnit = this.metric.contains("[");
    }

    /** The area as asked. */
    String asked() {
        return area;
    }

    /** The column of the area in {@code header}, or -1. */
    int areaColumn(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).trim();
            if (!h.isEmpty() && (h.equals(areaColumn) || h.equals(area))) {
                return i;
            }
        }
        return -1;
    }

    /** The first column naming an area (北海道 ... 九州, 合計), or -1. */
    static int firstAreaColumn(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).trim();
            if (h.equals(TOTAL) || JepxSpotCsv.AREAS.containsValue(h)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a row of this category is read; notes it. */
    boolean category(String cell) {
        String c = cell.trim();
        if (categoriesSeen.size() < SEEN_LISTED) {
            categoriesSeen.add(c);
        }
        return normal(c).equals(SYSTEM_CLEARING);
    }

    /** Whether a row of this metric is read; notes it, and refuses a metric that is not a price. */
    boolean metric(String file, long line, String cell) {
        String m = cell.trim();
        if (metricsSeen.size() < SEEN_LISTED) {
            metricsSeen.add(m);
        }
        String n = normal(m);
        int unit = n.indexOf('[');
        if (!(metricHasUnit ? n : unit < 0 ? n : n.substring(0, unit)).equals(metric)) {
            return false;
        }
        if (unit >= 0 && !n.substring(unit).startsWith("[円")) {
            throw new BadInputException(file + ":" + line + ": metric " + EprxResultsFile.quote(m)
                    + " is not a price in 円/kW・30分; allowed: a price row such as 平均落札価格（TSO別）, "
                    + "最高落札価格（TSO別）, 最低落札価格（TSO別）");
        }
        if (metricRead == null) {
            metricRead = m;
        }
        return true;
    }

    /** Notes the column read, for the result's area name. */
    void readColumn(String header) {
        if (areaRead == null) {
            String h = header.trim();
            areaRead = h.equals(TOTAL) ? "total" : h;
            for (Map.Entry<String, String> e : JepxSpotCsv.AREAS.entrySet()) {
                if (e.getValue().equals(h)) {
                    areaRead = e.getKey();
                }
            }
        }
    }

    /** The area read: {@code kansai} for 関西, {@code total} for 合計, else the column's name. */
    String area() {
        return areaRead;
    }

    /** The metric as the file writes it. */
    String metricRead() {
        return metricRead;
    }

    /** Why no row was read: what was asked and what the files hold. */
    String nothingFound() {
        return "no row of metric " + EprxResultsFile.quote(metricAsked)
                + (categoriesSeen.isEmpty() ? "" : " in category " + SYSTEM_CLEARING)
                + "; metrics seen: " + (metricsSeen.isEmpty() ? "none" : listed(metricsSeen))
                + (categoriesSeen.isEmpty() ? "" : "; categories seen: " + listed(categoriesSeen));
    }

    /** The allowed area names, for a message. */
    static String allowedAreas() {
        return String.join(", ", JepxSpotCsv.AREAS.keySet()) + ", total (or the Japanese names "
                + String.join(" ", JepxSpotCsv.AREAS.values()) + " " + TOTAL + ", or a column name of the header)";
    }

    private static String listed(Set<String> seen) {
        StringBuilder sb = new StringBuilder();
        for (String s : seen) {
            sb.append(sb.length() == 0 ? "" : ", ").append(EprxResultsFile.quote(s));
        }
        return sb + (seen.size() == SEEN_LISTED ? ", ..." : "");
    }

    private static String normal(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s", "");
    }
}
