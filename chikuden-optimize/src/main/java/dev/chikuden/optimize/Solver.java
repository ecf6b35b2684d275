package dev.chikuden.optimize;

import java.util.Locale;

/** The LP solvers OR-Tools carries in its Linux jar. HiGHS is the default: fast, exact, open. */
public enum Solver {
    HIGHS("HIGHS_LP"),
    CLP("CLP"),
    CBC("CBC"),
    GLOP("GLOP");

    private final String orToolsId;

    Solver(String orToolsId) {
        this.orToolsId = orToolsId;
    }

    /** The name OR-Tools' MPSolver knows the solver by. */
    String orToolsId() {
        return orToolsId;
    }

    /** The lower-case name users type ({@code --solver highs}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The solver a user named, in any case; null for none. */
    public static Solver byId(String id) {
        for (Solver s : values()) {
            if (s.id().equals(id.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    /** The names users may type, for messages: "highs, clp, cbc, glop". */
    public static String ids() {
        return String.join(
                ", ", java.util.Arrays.stream(values()).map(Solver::id).toList());
    }
}
