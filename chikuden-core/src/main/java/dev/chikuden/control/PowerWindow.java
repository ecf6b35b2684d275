package dev.chikuden.control;

/**
 * The battery power a controller stack may still command in this step (net AC, {@code > 0}
 * discharge), and the request chosen inside it. Layers run from the highest priority down:
 * each may narrow the window or state a preference; nothing can leave what a higher layer
 * allowed. One instance is reused every step.
 */
public final class PowerWindow {
    private double minKw;
    private double maxKw;
    private double requestKw;
    private int minBy;
    private int maxBy;
    private int chosenBy;
    private int layer;
    /** While a supervisory pass records, what each layer asked for (null otherwise). */
    private HeldRequests held;
    /** The request being made is a grid power in disguise ({@code net - grid}): held, it moves with the net load. */
    private boolean onNet;

    /** Starts a step with the physical window, set by the layer numbered {@code by}. */
    void reset(double minKw, double maxKw, int by) {
        this.minKw = Math.min(minKw, maxKw);
        this.maxKw = maxKw;
        this.minBy = by;
        this.maxBy = by;
        this.requestKw = Double.NaN;
        this.chosenBy = -1;
    }

    /** The layer now running (the stack sets it). */
    void at(int layerIndex) {
        layer = layerIndex;
    }

    /** Records every request into {@code into} (null: stop recording). */
    void recordInto(HeldRequests into) {
        held = into;
    }

    /**
     * Narrows the window to {@code [loKw, hiKw]} as far as the window allows: where the two do not
     * overlap, the window shrinks to its edge nearest to what was asked (higher layers win).
     */
    public void narrow(double loKw, double hiKw) {
        atLeast(loKw);
        atMost(hiKw);
    }

    /** Discharge at least {@code kw} (or charge at most {@code -kw}), as far as the window allows. */
    public void atLeast(double kw) {
        if (held != null) {
            held.add(layer, HeldRequests.AT_LEAST, onNet, kw);
        }
        if (kw > minKw) {
            minKw = Math.min(kw, maxKw);
            minBy = layer;
        }
    }

    /** Discharge at most {@code kw}, as far as the window allows. */
    public void atMost(double kw) {
        if (held != null) {
            held.add(layer, HeldRequests.AT_MOST, onNet, kw);
        }
        if (kw < maxKw) {
            maxKw = Math.max(kw, minKw);
            maxBy = layer;
        }
    }

    /**
     * As {@link #narrow}, for bounds that are grid powers in disguise: {@code net - gridKw} with the
     * net load the layer sees. Between supervisory passes a fast loop replays them moved by the net
     * load's change since, so a held import cap stays a cap on the grid, not a stale battery power.
     */
    public void narrowOnNet(double loKw, double hiKw) {
        onNet = true;
        try {
            narrow(loKw, hiKw);
        } finally {
            onNet = false;
        }
    }

    /** As {@link #atLeast}, for a grid power in disguise (see {@link #narrowOnNet}). */
    public void atLeastOnNet(double kw) {
        onNet = true;
        try {
            atLeast(kw);
        } finally {
            onNet = false;
        }
    }

    /** As {@link #atMost}, for a grid power in disguise (see {@link #narrowOnNet}). */
    public void atMostOnNet(double kw) {
        onNet = true;
        try {
            atMost(kw);
        } finally {
            onNet = false;
        }
    }

    /** As {@link #prefer}, for a grid power in disguise (see {@link #narrowOnNet}). */
    public void preferOnNet(double kw) {
        onNet = true;
        try {
            prefer(kw);
        } finally {
            onNet = false;
        }
    }

    /** States the power this layer would like; a lower layer's preference replaces it. */
    public void prefer(double kw) {
        if (held != null) {
            held.add(layer, HeldRequests.PREFER, onNet, kw);
        }
        requestKw = kw;
        chosenBy = layer;
    }

    public double minKw() {
        return minKw;
    }

    public double maxKw() {
        return maxKw;
    }

    /** The preference stated so far (NaN when none). */
    public double preferredKw() {
        return requestKw;
    }

    /** The final request: the last preference (0 when none) clamped into the window. */
    double resolve() {
        double want = Double.isNaN(requestKw) ? 0 : requestKw;
        return Math.max(minKw, Math.min(maxKw, want));
    }

    /** The layer that decided the final request: the one whose bound clamped it, else the chooser. */
    int binding() {
        double want = Double.isNaN(requestKw) ? 0 : requestKw;
        if (want > maxKw) {
            return maxBy;
        }
        if (want < minKw) {
            return minBy;
        }
        return chosenBy;
    }
}
