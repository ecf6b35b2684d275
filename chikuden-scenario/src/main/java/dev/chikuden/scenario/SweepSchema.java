package dev.chikuden.scenario;

import dev.chikuden.scenario.sweep.Axis;
import dev.chikuden.scenario.sweep.Sweep;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a sweep's result table, the same for every runner: {@code scenario} (the index),
 * {@code id}, {@code settings} (what made the row besides its axis values, {@link Sweep#settings}),
 * {@code inputs} (the files the scenario's site named and their digests, {@link InputFiles}),
 * one text column per axis (its value as the sweep file wrote it), {@code error} (null
 * when the scenario ran), then the headline figures of the sweep's command.
 */
public final class SweepSchema {
    /** A column's type in Parquet. */
    public enum Type {
        INT,
        TEXT,
        DOUBLE
    }

    public record Column(String name, Type type) {}

    private final List<Column> columns;
    private final int axes;

    public SweepSchema(Sweep sweep) {
        List<Column> c = new ArrayList<>();
        c.add(new Column("scenario", Type.INT));
        c.add(new Column("id", Type.TEXT));
        c.add(new Column("settings", Type.TEXT));
        c.add(new Column("inputs", Type.TEXT));
        for (Axis a : sweep.axes()) {
            c.add(new Column(a.column(), Type.TEXT));
        }
        c.add(new Column("error", Type.TEXT));
        for (String p : Headline.paths(sweep.run())) {
            c.add(new Column(Headline.column(p), Type.DOUBLE));
        }
        this.columns = List.copyOf(c);
        this.axes = sweep.axes().size();
    }

    public List<Column> columns() {
        return columns;
    }

    /** The row's values in column order: Integer, String (or null) and Double (null for NaN). */
    public Object[] values(ScenarioRow row) {
        Object[] v = new Object[columns.size()];
        int k = 0;
        v[k++] = row.index();
        v[k++] = row.id();
        v[k++] = row.settings();
        v[k++] = row.inputs();
        for (String a : row.axisValues()) {
            v[k++] = a;
        }
        v[k++] = row.error();
        for (double f : row.figures()) {
            v[k++] = Double.isNaN(f) ? null : f;
        }
        return v;
    }

    /** The row back from its values, as {@link #values} wrote them or a Parquet reader returns them. */
    public ScenarioRow row(Object[] v) {
        int k = 0;
        int index = ((Number) v[k++]).intValue();
        String id = (String) v[k++];
        String settings = (String) v[k++];
        String inputs = (String) v[k++];
        List<String> axisValues = new ArrayList<>();
        for (int a = 0; a < axes; a++) {
            axisValues.add((String) v[k++]);
        }
        String error = (String) v[k++];
        double[] figures = new double[v.length - k];
        for (int f = 0; f < figures.length; f++) {
            Object x = v[k++];
            figures[f] = x == null ? Double.NaN : ((Number) x).doubleValue();
        }
        return new ScenarioRow(index, id, settings, inputs == null ? "" : inputs, axisValues, error, figures);
    }
}
