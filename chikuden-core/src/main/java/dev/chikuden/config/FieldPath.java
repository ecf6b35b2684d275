package dev.chikuden.config;

import dev.chikuden.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field of a configuration file as users write it, {@code batteries[0].soc.min}: keys joined by dots,
 * list indices in brackets. Keys may hold spaces and dashes ({@code fuelCostAdjustment.2025-08}), not
 * dots, brackets or {@code =}.
 */
public record FieldPath(String text, List<Step> steps) {
    /** A key of a mapping, or (key null) an index of a list. */
    public record Step(String key, int index) {
        public boolean isIndex() {
            return key == null;
        }
    }

    private static final Pattern KEY = Pattern.compile("[^.\\[\\]=\\s]([^.\\[\\]=]*[^.\\[\\]=\\s])?");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d{1,9})]");

    public FieldPath {
        steps = List.copyOf(steps);
    }

    /** @throws BadInputException naming {@code text} and the form a path takes */
    public static FieldPath parse(String text) {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < text.length() || steps.isEmpty()) {
            Matcher index = INDEX.matcher(text).region(i, text.length());
            if (!steps.isEmpty() && index.lookingAt()) {
                steps.add(new Step(null, Integer.parseInt(index.group(1))));
                i = index.end();
                continue;
            }
            int from = steps.isEmpty() ? i : i + 1;
            Matcher key = KEY.matcher(text).region(Math.min(from, text.length()), text.length());
            if ((!steps.isEmpty() && text.charAt(i) != '.') || !key.lookingAt()) {
                throw new BadInputException("\"" + text + "\" is not a field path"
                        + (text.isEmpty() ? "" : " (at character " + (i + 1) + ")")
                        + "; write keys joined by dots, list items by their index from 0 in brackets, "
                        + "e.g. batteries[0].energy or study.start");
            }
            steps.add(new Step(key.group(), -1));
            i = key.end();
        }
        return new FieldPath(text, steps);
    }

    @Override
    public String toString() {
        return text;
    }
}
