package dev.chikuden.aging;

/**
 * Integrates a degradation state that follows {@code y = k * x^p} when the rate {@code k} varies
 * from chunk to chunk (BLAST-Lite's state update): the first chunk is exact, later chunks advance
 * along the curve through the present state, {@code dy = k * p * (y / k)^((p - 1) / p) * dx}.
 */
final class PowerLawState {
    private PowerLawState() {}

    static double increment(double y, double dx, double k, double p) {
        if (dx <= 0 || k <= 0) {
            return 0;
        }
        if (y == 0) {
            return k * Math.pow(dx, p);
        }
        return k * p * Math.pow(y / k, (p - 1) / p) * dx;
    }
}
