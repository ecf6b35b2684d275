package dev.chikuden.control;

import dev.chikuden.battery.BatteryView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Controllers stacked by priority (as ../shared/DESIGN.md describes): each step starts from the
 * physical window (the battery's power limits over the step and the converter's ramp capability:
 * not a controller's choice), then every layer from the highest priority down narrows it or
 * states a preference; the last preference, clamped into the final window, is the request.
 * Every step remembers which layer decided it, and the stack counts how often each did.
 *
 * <p>Two loops. Each layer runs in the {@link ControlLoop#FAST fast} plant loop or the
 * {@link ControlLoop#SUPERVISORY supervisory} EMS cycle. {@link #supervise} runs the supervisory
 * layers and holds what each asked of the window; {@link #fastRequestKw} runs the whole stack in
 * rank order, the fast layers afresh and each supervisory layer replaying what it last asked, so
 * a fast layer ranked above a supervisory one still outranks it between supervisory passes, and no
 * fast layer leaves what a higher supervisory layer allowed. {@link #requestKw} is both at once,
 * on one measurement: exactly the single-loop stack.
 */
public final class ControllerStack implements Controller {
    /** The name under which the physical limits bind. */
    public static final String PHYSICAL = "battery-limits";
    /** {@link #heldOnNetMask} bits: the held lower bound, upper bound, preference moves with the net load. */
    public static final int ON_NET_AT_LEAST = 1;

    public static final int ON_NET_AT_MOST = 2;
    public static final int ON_NET_PREFER = 4;

    private final ControlLayer[] layers;
    private final ControlLoop[] loops;
    private final HeldRequests held;
    private final double pcsRampKwPerS;
    private final PowerWindow window = new PowerWindow();
    private final long[] binding;
    private long steps;
    private int lastBinding = -1;
    private double lastAppliedKw = Double.NaN;
    private double supervisedNetKw = Double.NaN;

    /**
     * @param layers        highest priority first
     * @param pcsRampKwPerS how fast the converter can change its power; infinite for no limit
     */
    public ControllerStack(List<? extends ControlLayer> layers, double pcsRampKwPerS) {
        this(layers, null, pcsRampKwPerS);
    }

    /**
     * @param layers        highest priority first
     * @param loops         the loop of each layer; null for each layer's {@link ControlLayer#loop() own}
     * @param pcsRampKwPerS how fast the converter can change its power; infinite for no limit
     */
    public ControllerStack(List<? extends ControlLayer> layers, List<ControlLoop> loops, double pcsRampKwPerS) {
        this.layers = layers.toArray(new ControlLayer[0]);
        if (loops != null && loops.size() != this.layers.length) {
            throw new IllegalArgumentException(
                    "one loop per layer: " + this.layers.length + " layers, " + loops.size() + " loops");
        }
        this.loops = new ControlLoop[this.layers.length];
        for (int i = 0; i < this.layers.length; i++) {
            this.loops[i] = loops == null || loops.get(i) == null ? this.layers[i].loop() : loops.get(i);
        }
        this.held = new HeldRequests(this.layers.length);
        this.pcsRampKwPerS = pcsRampKwPerS;
        this.binding = new long[this.layers.length + 1];
    }

    /** The sales of the stack's reserve trader (at most one layer trades), null when none. */
    @Override
    public dev.chikuden.market.ReserveSales reserveSales() {
        for (ControlLayer l : layers) {
            if (l instanceof ReserveTrader t) {
                return t.sales();
            }
        }
        return null;
    }

    /**
     * A single controller as a stack: one supervisory layer stating the controller's request, under
     * the battery's limits (no converter ramp of its own).
     */
    public static ControllerStack single(Controller controller) {
        return new ControllerStack(List.of(asLayer(controller)), Double.POSITIVE_INFINITY);
    }

    /** A single controller as a supervisory stack layer: it states its request as a preference. */
    public static ControlLayer asLayer(Controller controller) {
        return new Preferring(controller);
    }

    /** A single controller as a stack layer: it states its request as a preference. */
    private static final class Preferring implements ControlLayer {
        private final Controller controller;

        Preferring(Controller controller) {
            this.controller = controller;
        }

        @Override
        public String name() {
            return controller.name();
        }

        @Override
        public void control(Measurements m, BatteryView battery, PowerWindow window) {
            window.prefer(controller.requestKw(m, battery));
        }

        @Override
        public void applied(double batteryKw, Measurements m) {
            controller.applied(batteryKw, m);
        }
    }

    @Override
    public String name() {
        return "stack";
    }

    /** The single-loop stack: a supervisory pass and a fast pass on the same measurements. */
    @Override
    public double requestKw(Measurements m, BatteryView battery) {
        supervise(m, battery);
        return fastRequestKw(m, battery);
    }

    /**
     * Runs the supervisory layers on {@code m} (whose step is the supervisory period) and holds
     * what each asked until the next call; the fast loop replays it. Decides nothing by itself.
     */
    public void supervise(Measurements m, BatteryView battery) {
        window.reset(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0);
        supervisedNetKw = m.netLoadKw();
        window.recordInto(held);
        try {
            for (int i = 0; i < layers.length; i++) {
                if (loops[i] == ControlLoop.SUPERVISORY) {
                    held.clear(i + 1);
                    window.at(i + 1);
                    layers[i].control(m, battery, window);
                }
            }
        } finally {
            window.recordInto(null);
        }
    }

    /**
     * Holds, for supervisory layer {@code index} (0 = highest), the bounds and preference a
     * supervisory pass elsewhere decided (a plant controller told them over its registers).
     * Infinite bounds and a NaN preference ask nothing. Held as battery powers: they do not move with
     * the net load.
     */
    public void hold(int index, double atLeastKw, double atMostKw, double preferKw) {
        hold(index, atLeastKw, atMostKw, preferKw, 0);
    }

    /**
     * As {@link #hold(int, double, double, double)}, with {@code onNetMask} ({@link #ON_NET_AT_LEAST}
     * | {@link #ON_NET_AT_MOST} | {@link #ON_NET_PREFER}) saying which values are grid powers in
     * disguise: replayed moved by the net load's change since {@link #supervisedNetKw(double) the
     * supervision}, as {@link #fastRequestKw} replays a pass of this stack's own.
     */
    public void hold(int index, double atLeastKw, double atMostKw, double preferKw, int onNetMask) {
        if (loops[index] != ControlLoop.SUPERVISORY) {
            throw new IllegalArgumentException(layers[index].name() + " runs in the fast loop, nothing to hold");
        }
        int l = index + 1;
        held.clear(l);
        if (atLeastKw > Double.NEGATIVE_INFINITY) {
            held.add(l, HeldRequests.AT_LEAST, (onNetMask & ON_NET_AT_LEAST) != 0, atLeastKw);
        }
        if (atMostKw < Double.POSITIVE_INFINITY) {
            held.add(l, HeldRequests.AT_MOST, (onNetMask & ON_NET_AT_MOST) != 0, atMostKw);
        }
        if (!Double.isNaN(preferKw)) {
            held.add(l, HeldRequests.PREFER, (onNetMask & ON_NET_PREFER) != 0, preferKw);
        }
    }

    /**
     * Which of what supervisory layer {@code index} last asked moves with the net load ({@link
     * #ON_NET_AT_LEAST} | {@link #ON_NET_AT_MOST} | {@link #ON_NET_PREFER}): with {@link
     * #heldAtLeastKw}, {@link #heldAtMostKw}, {@link #heldPreferKw} and {@link #supervisedNetKw()},
     * what another stack needs to {@link #hold} to replay it as this one does.
     */
    public int heldOnNetMask(int index) {
        return held.onNetMask(index + 1);
    }

    /** The net load the last supervisory pass saw (NaN before the first): held values on net move from it. */
    public double supervisedNetKw() {
        return supervisedNetKw;
    }

    /** Sets the net load held values on net move from, for requests {@link #hold held} from elsewhere. */
    public void supervisedNetKw(double kw) {
        supervisedNetKw = kw;
    }

    /** What supervisory layer {@code index} last asked: lowest and highest power allowed, preference. */
    public double heldAtLeastKw(int index) {
        return held.lowestKw(index + 1);
    }

    public double heldAtMostKw(int index) {
        return held.highestKw(index + 1);
    }

    public double heldPreferKw(int index) {
        return held.preferredKw(index + 1);
    }

    /**
     * The fast loop: the physical window over {@code m.stepS()} (the fast period), then every layer
     * in rank order, fast layers on {@code m}, supervisory layers as held; the request.
     */
    public double fastRequestKw(Measurements m, BatteryView battery) {
        double lo = -battery.maxChargeKw(m.stepS());
        double hi = battery.maxDischargeKw(m.stepS());
        if (!Double.isNaN(lastAppliedKw) && pcsRampKwPerS < Double.POSITIVE_INFINITY) {
            double reach = pcsRampKwPerS * m.stepS();
            lo = Math.max(lo, Math.min(hi, lastAppliedKw - reach));
            hi = Math.min(hi, Math.max(lo, lastAppliedKw + reach));
        }
        window.reset(lo, hi, 0);
        double netChangeKw = m.netLoadKw() - supervisedNetKw;
        if (!Double.isFinite(netChangeKw)) {
            netChangeKw = 0;
        }
        for (int i = 0; i < layers.length; i++) {
            window.at(i + 1);
            if (loops[i] == ControlLoop.FAST) {
                layers[i].control(m, battery, window);
            } else {
                held.replay(i + 1, window, netChangeKw);
            }
        }
        lastBinding = Math.max(0, window.binding());
        binding[lastBinding]++;
        steps++;
        return window.resolve();
    }

    @Override
    public void applied(double batteryKw, Measurements m) {
        lastAppliedKw = batteryKw;
        for (ControlLayer l : layers) {
            l.applied(batteryKw, m);
        }
    }

    /** The layers, highest priority first (the live service finds its manual layer among them). */
    public List<ControlLayer> layers() {
        return List.of(layers);
    }

    /** The loop each layer runs in, highest priority first. */
    public List<ControlLoop> loops() {
        return List.of(loops);
    }

    /** True when some layer runs in the fast loop. */
    public boolean hasFastLayers() {
        for (ControlLoop l : loops) {
            if (l == ControlLoop.FAST) {
                return true;
            }
        }
        return false;
    }

    /** The converter's ramp capability the physical window holds to, kW/s. */
    public double pcsRampKwPerS() {
        return pcsRampKwPerS;
    }

    /** The layer that decided the last request ({@link #PHYSICAL} for the battery's own limits). */
    public String lastBinding() {
        return lastBinding <= 0 ? PHYSICAL : layers[lastBinding - 1].name();
    }

    /** For each layer (and the physical limits), the share of steps it decided. */
    @Override
    public Map<String, Double> bindingShare() {
        Map<String, Double> share = new LinkedHashMap<>();
        if (steps == 0) {
            return share;
        }
        share.put(PHYSICAL, binding[0] / (double) steps);
        for (int i = 0; i < layers.length; i++) {
            share.merge(layers[i].name(), binding[i + 1] / (double) steps, Double::sum);
        }
        return share;
    }
}
