package dev.chikuden.trace;

/** Numbers as files write them: plain, with a unit suffix ({@code 71.25 W}), or with thousands separators. */
final class Numbers {
    private Numbers() {}

    /** The number a cell holds, or null. Accepts {@code 1,234.5} and a trailing unit word. */
    static Double parse(String v) {
        if (v.isEmpty() || v.length() > 64) {
            return null;
        }
        String s = v;
        int space = s.indexOf(' ');
        if (space > 0) {
            s = s.substring(0, space); // "71.25 W", "40000 MiB"
        }
        if (s.indexOf(',') > 0 && s.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            s = s.replace(",", "");
        }
        char c = s.charAt(0);
        if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.') {
            return null; // NaN, Infinity and words are not numbers here
        }
        try {
            double x = Double.parseDouble(s);
            return Double.isFinite(x) ? x : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Cells that say a value is missing: blank, dashes, N/A as nvidia-smi and meters write it. */
    static boolean isMissing(String v) {
        return v.isEmpty()
                || v.equals("-")
                || v.equals("--")
                || v.equals("---")
                || v.equals("×")
                || v.equalsIgnoreCase("n/a")
                || v.equalsIgnoreCase("nan")
                || (v.startsWith("[") && v.endsWith("]")); // [N/A], [Not Supported], [Unknown Error]
    }
}
