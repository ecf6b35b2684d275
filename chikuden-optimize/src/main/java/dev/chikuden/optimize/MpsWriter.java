package dev.chikuden.optimize;

import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPVariableProto;
import java.util.ArrayList;
import java.util.List;

/**
 * Free MPS of an OR-Tools model with every number in full precision. OR-Tools' own writer prints
 * numbers to 6 significant digits (0.527046 for 0.5 / 0.9487), so its file is a slightly different
 * LP; this one writes each double as Java's shortest exact decimal, so the file is the model solved.
 * Ranged rows use RANGES, free rows are N rows after the objective.
 */
final class MpsWriter {
    private static final String OBJECTIVE = "COST";

    private MpsWriter() {}

    static String write(MPModelProto model, String name) {
        int rows = model.getConstraintCount();
        char[] type = new char[rows];
        StringBuilder sb = new StringBuilder(64 * (rows + model.getVariableCount()));
        sb.append("NAME ").append(name).append('\n');
        sb.append("OBJSENSE\n    ").append(model.getMaximize() ? "MAX" : "MIN").append('\n');
        sb.append("ROWS\n N  ").append(OBJECTIVE).append('\n');
        for (int r = 0; r < rows; r++) {
            MPConstraintProto c = model.getConstraint(r);
            boolean lo = Double.isFinite(c.getLowerBound());
            boolean up = Double.isFinite(c.getUpperBound());
            type[r] = lo && up && c.getLowerBound() == c.getUpperBound() ? 'E' : lo ? 'G' : up ? 'L' : 'N';
            sb.append(' ')
                    .append(type[r])
                    .append("  ")
                    .append(rowName(model, r))
                    .append('\n');
        }
        List<List<int[]>> columns = columns(model);
        sb.append("COLUMNS\n");
        for (int v = 0; v < model.getVariableCount(); v++) {
            MPVariableProto x = model.getVariable(v);
            String col = columnName(model, v);
            if (x.getObjectiveCoefficient() != 0) {
                entry(sb, col, OBJECTIVE, x.getObjectiveCoefficient());
            }
            for (int[] at : columns.get(v)) {
                entry(sb, col, rowName(model, at[0]), model.getConstraint(at[0]).getCoefficient(at[1]));
            }
        }
        sb.append("RHS\n");
        if (model.getObjectiveOffset() != 0) {
            entry(sb, "RHS", OBJECTIVE, -model.getObjectiveOffset());
        }
        StringBuilder ranges = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            MPConstraintProto c = model.getConstraint(r);
            double rhs = type[r] == 'G' || type[r] == 'E' ? c.getLowerBound() : type[r] == 'L' ? c.getUpperBound() : 0;
            if (rhs != 0) {
                entry(sb, "RHS", rowName(model, r), rhs);
            }
            if (type[r] == 'G' && Double.isFinite(c.getUpperBound())) {
                entry(ranges, "RNG", rowName(model, r), c.getUpperBound() - c.getLowerBound());
            }
        }
        if (ranges.length() > 0) {
            sb.append("RANGES\n").append(ranges);
        }
        sb.append("BOUNDS\n");
        for (int v = 0; v < model.getVariableCount(); v++) {
            bounds(sb, columnName(model, v), model.getVariable(v));
        }
        return sb.append("ENDATA\n").toString();
    }

    /** For each variable, the (row, position) pairs where it has a coefficient. */
    private static List<List<int[]>> columns(MPModelProto model) {
        List<List<int[]>> columns = new ArrayList<>(model.getVariableCount());
        for (int v = 0; v < model.getVariableCount(); v++) {
            columns.add(new ArrayList<>(4));
        }
        for (int r = 0; r < model.getConstraintCount(); r++) {
            MPConstraintProto c = model.getConstraint(r);
            for (int k = 0; k < c.getVarIndexCount(); k++) {
                if (c.getCoefficient(k) != 0) {
                    columns.get(c.getVarIndex(k)).add(new int[] {r, k});
                }
            }
        }
        return columns;
    }

    private static void bounds(StringBuilder sb, String col, MPVariableProto x) {
        double lo = x.getLowerBound();
        double up = x.getUpperBound();
        if (lo == up) {
            bound(sb, "FX", col, lo);
        } else if (lo == Double.NEGATIVE_INFINITY && up == Double.POSITIVE_INFINITY) {
            sb.append(" FR BND       ").append(col).append('\n');
        } else {
            if (lo == Double.NEGATIVE_INFINITY) {
                sb.append(" MI BND       ").append(col).append('\n');
            } else if (lo != 0) {
                bound(sb, "LO", col, lo);
            }
            if (up != Double.POSITIVE_INFINITY) {
                bound(sb, "UP", col, up);
            }
        }
    }

    private static void bound(StringBuilder sb, String kind, String col, double value) {
        sb.append(' ')
                .append(kind)
                .append(" BND       ")
                .append(col)
                .append("  ")
                .append(value)
                .append('\n');
    }

    private static void entry(StringBuilder sb, String col, String row, double value) {
        sb.append("    ")
                .append(col)
                .append("  ")
                .append(row)
                .append("  ")
                .append(value)
                .append('\n');
    }

    private static String rowName(MPModelProto m, int r) {
        String n = m.getConstraint(r).getName();
        return n.isEmpty() ? "R" + r : n;
    }

    private static String columnName(MPModelProto m, int v) {
        String n = m.getVariable(v).getName();
        return n.isEmpty() ? "C" + v : n;
    }
}
