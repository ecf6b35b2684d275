package dev.chikuden.battery;

import java.util.Arrays;

/**
 * A function given by points (x ascending), linear between them and held beyond the ends. Used
 * for efficiency curves and SOC tapers; evaluation is a short scan over a few points, no allocation.
 */
public final class PiecewiseLinear {
    private final double[] x;
    private final double[] y;

    public PiecewiseLinear(double[] x, double[] y) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("need as many y as x values, at least one");
        }
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1])) {
                throw new IllegalArgumentException("x must increase: " + Arrays.toString(x));
            }
        }
        this.x = x.clone();
        this.y = y.clone();
    }

    public static PiecewiseLinear constant(double value) {
        return new PiecewiseLinear(new double[] {0}, new double[] {value});
    }

    public double at(double v) {
        if (v <= x[0]) {
            return y[0];
        }
        int last = x.length - 1;
        if (v >= x[last]) {
            return y[last];
        }
        int i = 1;
        while (x[i] < v) {
            i++;
        }
        double f = (v - x[i - 1]) / (x[i] - x[i - 1]);
        return y[i - 1] + f * (y[i] - y[i - 1]);
    }

    /** The points' x values, ascending (a copy). */
    public double[] x() {
        return x.clone();
    }

    /** The points' y values (a copy). */
    public double[] y() {
        return y.clone();
    }

    public double min() {
        return Arrays.stream(y).min().orElseThrow();
    }

    public double max() {
        return Arrays.stream(y).max().orElseThrow();
    }

    public boolean isConstant() {
        return min() == max();
    }
}
