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
 */
public final class ControllerStack implements Controller {
    /** The name under which the physical limits bind. */
    public static final String PHYSICAL = "battery-limits";

    private final ControlLayer[] layers;
    private final double pcsRampKwPerS;
    private final PowerWindow window = new PowerWindow();
    private final long[] binding;
    private long steps;
    private int lastBinding = -1;
    private double lastAppliedKw = Double.NaN;

    /**
     * @param layers        highest priority first
     * @param pcsRampKwPerS how fast the converter can change its power; infinite for no limit
     */
    public ControllerStack(List<? extends ControlLayer> layers, double pcsRampKwPerS) {
        this.layers = layers.toArray(new ControlLayer[0]);
        this.pcsRampKwPerS = pcsRampKwPerS;
        this.binding = new long[this.layers.length + 1];
    }

    @Override
    public String name() {
        return "stack";
    }

    @Override
    public double requestKw(Measurements m, BatteryView battery) {
        double lo = -battery.maxChargeKw(m.stepS());
        double hi = battery.maxDischargeKw(m.stepS());
        if (!Double.isNaN(lastAppliedKw) && pcsRampKwPerS < Double.POSITIVE_INFINITY) {
            double reach = pcsRampKwPerS * m.stepS();
            lo = Math.max(lo, Math.min(hi, lastAppliedKw - reach));
            hi = Math.min(hi, Math.max(lo, lastAppliedKw + reach));
        }
        window.reset(lo, hi, 0);
        for (int i = 0; i < layers.length; i++) {
            window.at(i + 1);
            layers[i].control(m, battery, window);
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
