package dev.chikuden.scenario.sweep;

import java.util.Locale;

/** What each scenario of a sweep runs, as the sweep file's {@code run:} names it. */
public enum ScenarioKind {
    PLAN,
    OPTIMIZE,
    SIZE;

    /** The name in a sweep file: {@code plan}, {@code optimize}, {@code size}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a sweep file names (the schema has checked it is one). */
    static ScenarioKind of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
