package dev.chikuden.optimize;

import dev.chikuden.battery.PiecewiseLinear;
import dev.chikuden.optimize.DispatchProblem.Physics;
import dev.chikuden.optimize.DispatchProblem.Storage;
import java.util.ArrayList;
import java.util.List;

/**
 * A battery's SOC tapers as lines on power against stored energy, {@code P <= a + b e}: one per
 * segment of the taper's upper concave hull over the SOC window where it allows less than the full
 * rating. For a concave taper (every preset: full power in the middle, falling towards an end) the
 * lines are the taper itself; a taper with a dent gets its hull, a little more than it allows.
 */
final class TaperLines {
    /** {@code P <= interceptKw + slopeKwPerKwh x stored kWh}. */
    record Line(double interceptKw, double slopeKwPerKwh) {}

    private static final Line[] NONE = new Line[0];

    private TaperLines() {}

    static Line[] charge(Storage s) {
        Physics p = s.physics();
        return p == null ? NONE : lines(p.chargeTaper(), p.chargeRatingKw(), p.capacityKwh(), s.floorKwh(), s.maxKwh());
    }

    static Line[] discharge(Storage s) {
        Physics p = s.physics();
        return p == null
                ? NONE
                : lines(p.dischargeTaper(), p.dischargeRatingKw(), p.capacityKwh(), s.floorKwh(), s.maxKwh());
    }

    private static Line[] lines(
            PiecewiseLinear taper, double ratingKw, double capacityKwh, double loKwh, double hiKwh) {
        double lo = loKwh / capacityKwh;
        double hi = hiKwh / capacityKwh;
        if (!(hi > lo)) {
            return NONE;
        }
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {lo, taper.at(lo)});
        for (double x : taper.x()) {
            if (x > lo && x < hi) {
                points.add(new double[] {x, taper.at(x)});
            }
        }
        points.add(new double[] {hi, taper.at(hi)});
        // upper hull, left to right: drop a point under the chord of its neighbours
        List<double[]> hull = new ArrayList<>();
        for (double[] q : points) {
            while (hull.size() >= 2 && !rightTurn(hull.get(hull.size() - 2), hull.get(hull.size() - 1), q)) {
                hull.remove(hull.size() - 1);
            }
            hull.add(q);
        }
        List<Line> out = new ArrayList<>();
        for (int i = 1; i < hull.size(); i++) {
            double[] a = hull.get(i - 1);
            double[] b = hull.get(i);
            if (Math.min(a[1], b[1]) >= 1) {
                continue; // full power: the rating bounds it already
            }
            double k = (b[1] - a[1]) / (b[0] - a[0]);
            out.add(new Line(ratingKw * (a[1] - k * a[0]), ratingKw * k / capacityKwh));
        }
        return out.toArray(NONE);
    }

    /** True when {@code a, b, c} turn clockwise: {@code b} lies above the chord {@code a-c}. */
    private static boolean rightTurn(double[] a, double[] b, double[] c) {
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) < 0;
    }
}
