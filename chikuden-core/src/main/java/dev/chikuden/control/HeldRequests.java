package dev.chikuden.control;

import java.util.Arrays;

/**
 * What each supervisory layer asked of the window in its last pass, in order, so the fast loop can
 * replay it at the layer's rank every fast cycle until the next supervisory pass. Fixed arrays,
 * grown only when a layer asks more than ever before: nothing is allocated per cycle.
 */
final class HeldRequests {
    static final byte AT_LEAST = 0;
    static final byte AT_MOST = 1;
    static final byte PREFER = 2;
    /** Added to a kind: the value moves with the net load (a grid power in disguise). */
    static final byte ON_NET = 4;

    private final byte[][] kind;
    private final double[][] kw;
    private final int[] count;

    /** @param layers the stack's layer count; layer numbers run 1 .. layers */
    HeldRequests(int layers) {
        kind = new byte[layers + 1][4];
        kw = new double[layers + 1][4];
        count = new int[layers + 1];
    }

    /** Forgets what layer {@code layer} asked, before it runs again. */
    void clear(int layer) {
        count[layer] = 0;
    }

    void add(int layer, byte k, boolean onNet, double value) {
        add(layer, (byte) (onNet ? k | ON_NET : k), value);
    }

    void add(int layer, byte k, double value) {
        int n = count[layer];
        if (n == kind[layer].length) {
            kind[layer] = Arrays.copyOf(kind[layer], 2 * n);
            kw[layer] = Arrays.copyOf(kw[layer], 2 * n);
        }
        kind[layer][n] = k;
        kw[layer][n] = value;
        count[layer] = n + 1;
    }

    /**
     * Asks again, in {@code window} (which must be at {@code layer}), what {@code layer} asked last,
     * moving what it asked on the net load by {@code netChangeKw}.
     */
    void replay(int layer, PowerWindow window, double netChangeKw) {
        byte[] k = kind[layer];
        double[] v = kw[layer];
        for (int i = 0; i < count[layer]; i++) {
            double value = (k[i] & ON_NET) != 0 ? v[i] + netChangeKw : v[i];
            switch (k[i] & ~ON_NET) {
                case AT_LEAST -> window.atLeast(value);
                case AT_MOST -> window.atMost(value);
                default -> window.prefer(value);
            }
        }
    }

    /** The lowest battery power layer {@code layer} allowed (-infinity when it set no lower bound). */
    double lowestKw(int layer) {
        double lo = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count[layer]; i++) {
            if ((kind[layer][i] & ~ON_NET) == AT_LEAST) {
                lo = Math.max(lo, kw[layer][i]);
            }
        }
        return lo;
    }

    /** The highest battery power layer {@code layer} allowed (+infinity when it set no upper bound). */
    double highestKw(int layer) {
        double hi = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count[layer]; i++) {
            if ((kind[layer][i] & ~ON_NET) == AT_MOST) {
                hi = Math.min(hi, kw[layer][i]);
            }
        }
        return hi;
    }

    /** The last preference layer {@code layer} stated, NaN when none. */
    double preferredKw(int layer) {
        for (int i = count[layer] - 1; i >= 0; i--) {
            if ((kind[layer][i] & ~ON_NET) == PREFER) {
                return kw[layer][i];
            }
        }
        return Double.NaN;
    }

    /**
     * Which of {@link #lowestKw}, {@link #highestKw} and {@link #preferredKw} move with the net load:
     * bit {@link ControllerStack#ON_NET_AT_LEAST}, {@link ControllerStack#ON_NET_AT_MOST},
     * {@link ControllerStack#ON_NET_PREFER}, each the flag of the request that gives the value (the
     * tightest bound, the last preference).
     */
    int onNetMask(int layer) {
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        int loBit = 0;
        int hiBit = 0;
        int preferBit = 0;
        for (int i = 0; i < count[layer]; i++) {
            byte k = kind[layer][i];
            boolean onNet = (k & ON_NET) != 0;
            double v = kw[layer][i];
            switch (k & ~ON_NET) {
                case AT_LEAST -> {
                    if (v >= lo) {
                        lo = v;
                        loBit = onNet ? ControllerStack.ON_NET_AT_LEAST : 0;
                    }
                }
                case AT_MOST -> {
                    if (v <= hi) {
                        hi = v;
                        hiBit = onNet ? ControllerStack.ON_NET_AT_MOST : 0;
                    }
                }
                default -> preferBit = onNet ? ControllerStack.ON_NET_PREFER : 0;
            }
        }
        return loBit | hiBit | preferBit;
    }
}
