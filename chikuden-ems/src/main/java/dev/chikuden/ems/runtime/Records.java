package dev.chikuden.ems.runtime;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Records as maps for the API: component name to value; enums in lower case, paths as text. */
final class Records {
    private Records() {
    }

    /** @param r a record (a {@code StrategySpec} layer, a device reading) */
    static Map<String, Object> toMap(Object r) {
        if (!r.getClass().isRecord()) {
            throw new IllegalArgumentException(r.getClass().getName() + " is not a record");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                out.put(c.getName(), plain(c.getAccessor().invoke(r)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object plain(Object v) {
        if (v instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (v instanceof Path p) {
            return p.toString();
        }
        return v;
    }

    /** {@code GridCodeSmoothing} -> {@code grid-code-smoothing}: the type names of the site file. */
    static String kebab(String camel) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                b.append('-');
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }
}
