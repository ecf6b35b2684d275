package dev.chikuden.market;

import dev.chikuden.BadInputException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The products of Japan's balancing market (需給調整市場, run by EPRX), with the codes EPRX's
 * result files carry in their names ({@code 202606_1-0_prompt.csv}, {@code 2025_3-2_result.zip}).
 */
public enum EprxProduct {
    PRIMARY("1-0", "一次調整力"),
    PRIMARY_OFFLINE("1-1", "一次調整力（オフライン）"),
    SECONDARY_1("2-1", "二次調整力①"),
    SECONDARY_2("2-2", "二次調整力②"),
    TERTIARY_1("3-1", "三次調整力①"),
    TERTIARY_2("3-2", "三次調整力②"),
    COMPOSITE("4-0", "複合商品");

    private final String code;
    private final String japaneseName;

    EprxProduct(String code, String japaneseName) {
        this.code = code;
        this.japaneseName = japaneseName;
    }

    /** EPRX's code, e.g. {@code 3-2}. */
    public String code() {
        return code;
    }

    /** The name EPRX uses, e.g. 三次調整力②. */
    public String japaneseName() {
        return japaneseName;
    }

    /** {@code 三次調整力② (3-2)}: how messages name it. */
    @Override
    public String toString() {
        return japaneseName + " (" + code + ")";
    }

    /**
     * The product a user names: its code ({@code 3-2}), its constant ({@code tertiary_2}) or its
     * Japanese name as in {@link #named(String)}.
     */
    public static EprxProduct of(String text) {
        String t = text.trim();
        for (EprxProduct p : values()) {
            if (p.name().equalsIgnoreCase(t.replace('-', '_'))) {
                return p;
            }
        }
        return named(t).orElseThrow(() ->
                new BadInputException("balancing-market product \"" + text + "\" is not one of "
                        + Arrays.stream(values())
                                .map(p -> p.code + " " + p.name().toLowerCase(Locale.ROOT) + " " + p.japaneseName)
                                .collect(Collectors.joining(", "))));
    }

    /**
     * The product a field of a results file names, if any: the code, or the Japanese name as the
     * files write it (line 2 of a monthly file says 一次調整力, 三次調整力2), with or without 調整力,
     * with circled or plain digits and with or without parentheses around オフライン.
     */
    static Optional<EprxProduct> named(String field) {
        String key = Normalizer.normalize(field, Normalizer.Form.NFKC)
                .replaceAll("[\\s()]", "")
                .replace("調整力", "");
        return Optional.ofNullable(
                switch (key) {
                    case "1-0", "一次" -> PRIMARY;
                    case "1-1", "一次オフライン" -> PRIMARY_OFFLINE;
                    case "2-1", "二次1" -> SECONDARY_1;
                    case "2-2", "二次2" -> SECONDARY_2;
                    case "3-1", "三次1" -> TERTIARY_1;
                    case "3-2", "三次2" -> TERTIARY_2;
                    case "4-0", "複合", "複合商品" -> COMPOSITE;
                    default -> null;
                });
    }

    /** The product whose code a file name holds between separators, as in {@code 202606_1-0_prompt.csv}. */
    static Optional<EprxProduct> inFileName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        for (EprxProduct p : values()) {
            int i = base.indexOf(p.code);
            while (i >= 0) {
                int end = i + p.code.length();
                boolean before = i == 0 || !Character.isLetterOrDigit(base.charAt(i - 1));
                boolean after = end == base.length() || !Character.isLetterOrDigit(base.charAt(end));
                if (before && after) {
                    return Optional.of(p);
                }
                i = base.indexOf(p.code, i + 1);
            }
        }
        return Optional.empty();
    }
}
