package dev.chikuden.ems.runtime;

import dev.chikuden.battery.BatteryView;
import dev.chikuden.control.ControlLayer;
import dev.chikuden.control.Controller;
import dev.chikuden.control.ControllerStack;
import dev.chikuden.control.ManualSetpoint;
import dev.chikuden.control.Measurements;
import dev.chikuden.control.PowerWindow;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StrategySpec;
import dev.chikuden.study.SiteModels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's controllers as the live service runs them: the objects {@link SiteModels#controller}
 * builds for a study, with a manual layer for the operator. A stack with a {@code manual} layer keeps
 * it where it sits; a stack without one gets one right below its last backup reserve, or on top
 * when it has none (the site file's stack with {@code {type: manual}} inserted, built by the same
 * factory): the reserve is safety, which an operator must not spend by hand, while the layers
 * below it are the site's strategy, which the operator overrides. A single controller (peak
 * shaving, idle) becomes the lower layer of a two-layer stack under the manual one, so its request
 * is clamped into the battery's limits as the study clamps it. The operator's setpoint therefore
 * always stays inside the physical window and below the backup reserve and any layer the site
 * ranked above it.
 */
final class LiveStack {
    /** What {@code stack()} shows of one layer. */
    record Layer(String name, String type, Map<String, Object> settings, boolean addedByService) {
    }

    final ControllerStack stack;
    final ManualSetpoint manual;
    final double pcsRampKwPerS;
    final List<Layer> layers;

    private LiveStack(ControllerStack stack, double pcsRampKwPerS, List<Layer> layers) {
        this.stack = stack;
        this.pcsRampKwPerS = pcsRampKwPerS;
        this.layers = List.copyOf(layers);
        ManualSetpoint found = null;
        for (ControlLayer l : stack.layers()) {
            if (l instanceof ManualSetpoint m) {
                found = m;
                break;
            }
        }
        this.manual = found;
    }

    static LiveStack of(SiteConfig site) {
        if (site.strategy() instanceof StrategySpec.Stack spec) {
            boolean hasManual = spec.layers().stream().anyMatch(l -> l instanceof StrategySpec.Manual);
            List<StrategySpec.Layer> specs = new ArrayList<>(spec.layers());
            int added = -1;
            if (!hasManual) {
                added = 0;
                for (int i = 0; i < specs.size(); i++) {
                    if (specs.get(i) instanceof StrategySpec.BackupReserve) {
                        added = i + 1;
                    }
                }
                specs.add(added, new StrategySpec.Manual());
            }
            Controller c = SiteModels.controller(site.withStrategy(new StrategySpec.Stack(spec.pcsRampKwPerS(), specs)));
            ControllerStack stack = (ControllerStack) c;
            List<Layer> info = new ArrayList<>();
            List<ControlLayer> built = stack.layers();
            for (int i = 0; i < specs.size(); i++) {
                StrategySpec.Layer s = specs.get(i);
                info.add(new Layer(built.get(i).name(), Records.kebab(s.getClass().getSimpleName()), Records.toMap(s),
                        i == added));
            }
            return new LiveStack(stack, spec.pcsRampKwPerS(), info);
        }
        Controller single = SiteModels.controller(site);
        ManualSetpoint manual = new ManualSetpoint();
        ControllerStack stack = new ControllerStack(List.of(manual, new Preferring(single)), Double.POSITIVE_INFINITY);
        Map<String, Object> settings = Records.toMap(site.strategy());
        String type = site.strategy() instanceof StrategySpec.PeakShaving ? "peak-shaving" : single.name();
        return new LiveStack(stack, Double.POSITIVE_INFINITY, List.of(
                new Layer(manual.name(), "manual", Map.of(), true),
                new Layer(single.name(), type, settings, false)));
    }

    /** The layers highest priority first, the battery's own limits before them, with the share of cycles each decided. */
    List<Map<String, Object>> describe() {
        // read on an API thread while the cycle counts: the shares may be a cycle apart, never wrong
        Map<String, Double> share = stack.bindingShare();
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("pcsRampKwPerS", pcsRampKwPerS);
        out.add(entry(ControllerStack.PHYSICAL, "battery-limits", physical, false, share));
        for (Layer l : layers) {
            out.add(entry(l.name(), l.type(), l.settings(), l.addedByService(), share));
        }
        return out;
    }

    private static Map<String, Object> entry(String name, String type, Map<String, Object> settings, boolean added,
                                             Map<String, Double> share) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("type", type);
        m.put("settings", settings);
        m.put("bindingShare", share.getOrDefault(name, 0.0));
        if (added) {
            m.put("addedByService", true);
        }
        return m;
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
}
