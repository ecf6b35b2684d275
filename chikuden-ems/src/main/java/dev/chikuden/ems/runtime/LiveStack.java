package dev.chikuden.ems.runtime;

import dev.chikuden.control.ControlLayer;
import dev.chikuden.control.ControlLoop;
import dev.chikuden.control.Controller;
import dev.chikuden.control.ControllerStack;
import dev.chikuden.control.FleetRequest;
import dev.chikuden.control.ManualSetpoint;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StrategySpec;
import dev.chikuden.study.SiteModels;
import java.util.ArrayList;
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
 *
 * <p>A service linked to a fleet gets a {@code fleet} layer right below the last layer that protects
 * the site (backup reserve, load-drop absorber, grid-code smoothing, frequency response, demand
 * limiter, manual), unless the site file placed one itself: the canonical order puts the fleet's
 * request under the site's own safety, reserve, grid code, contract and operator, and above its
 * schedules, MPC and market offers.
 */
final class LiveStack {
    /** What {@code stack()} shows of one layer, but the share of cycles it decided. */
    record Layer(String name, String type, Record settings, boolean addedByService) {}

    final ControllerStack stack;
    final ManualSetpoint manual;
    /** null unless the stack has a fleet layer */
    final FleetRequest fleet;

    final double pcsRampKwPerS;
    final List<Layer> layers;

    private LiveStack(ControllerStack stack, double pcsRampKwPerS, List<Layer> layers) {
        this.stack = stack;
        this.pcsRampKwPerS = pcsRampKwPerS;
        this.layers = List.copyOf(layers);
        ManualSetpoint foundManual = null;
        FleetRequest foundFleet = null;
        for (ControlLayer l : stack.layers()) {
            if (l instanceof ManualSetpoint m && foundManual == null) {
                foundManual = m;
            } else if (l instanceof FleetRequest f && foundFleet == null) {
                foundFleet = f;
            }
        }
        this.manual = foundManual;
        this.fleet = foundFleet;
        if (fleet != null) {
            fleet.recordOffers();
        }
    }

    static LiveStack of(SiteConfig site) {
        return of(site, false);
    }

    /** @param fleetLinked whether the service is linked to a fleet (a fleet layer is then added if the site has none) */
    static LiveStack of(SiteConfig site, boolean fleetLinked) {
        if (site.strategy() instanceof StrategySpec.Stack spec) {
            boolean hasManual = spec.layers().stream().anyMatch(l -> l instanceof StrategySpec.Manual);
            List<StrategySpec.Layer> specs = new ArrayList<>(spec.layers());
            List<ControlLoop> loops = new ArrayList<>(spec.loops()); // the site file's loop: overrides
            List<Boolean> added = new ArrayList<>(java.util.Collections.nCopies(specs.size(), false));
            if (!hasManual) {
                int manualAt = 0;
                for (int i = 0; i < specs.size(); i++) {
                    if (specs.get(i) instanceof StrategySpec.BackupReserve) {
                        manualAt = i + 1;
                    }
                }
                specs.add(manualAt, new StrategySpec.Manual());
                loops.add(manualAt, null); // the manual layer's own loop: supervisory
                added.add(manualAt, true);
            }
            if (fleetLinked && specs.stream().noneMatch(l -> l instanceof StrategySpec.Fleet)) {
                int fleetAt = 0; // below every layer that protects the site, its grid code and its contract
                for (int i = 0; i < specs.size(); i++) {
                    fleetAt = protective(specs.get(i)) ? i + 1 : fleetAt;
                }
                specs.add(fleetAt, new StrategySpec.Fleet());
                loops.add(fleetAt, null);
                added.add(fleetAt, true);
            }
            Controller c = SiteModels.controller(
                    site.withStrategy(new StrategySpec.Stack(spec.pcsRampKwPerS(), specs, loops)));
            ControllerStack stack = (ControllerStack) c;
            List<Layer> info = new ArrayList<>();
            List<ControlLayer> built = stack.layers();
            int offset = built.size() - specs.size(); // a layer the models put on top (no battery export)
            for (int i = 0; i < specs.size(); i++) {
                info.add(layer(built.get(i + offset).name(), specs.get(i), added.get(i)));
            }
            return new LiveStack(stack, spec.pcsRampKwPerS(), info);
        }
        Controller single = SiteModels.controller(site);
        List<ControlLayer> layers = new ArrayList<>();
        ControlLayer strategyLayer = ControllerStack.asLayer(single);
        if (single instanceof ControllerStack bound) {
            // the models put a bound (no battery export under a FIT) above the strategy: keep it on top
            List<ControlLayer> parts = bound.layers();
            layers.addAll(parts.subList(0, parts.size() - 1));
            strategyLayer = parts.get(parts.size() - 1);
        }
        ManualSetpoint manual = new ManualSetpoint();
        layers.add(manual);
        List<Layer> info = new ArrayList<>(
                List.of(new Layer(manual.name(), StrategySpec.Manual.TYPE, new StrategySpec.Manual(), true)));
        if (fleetLinked) {
            FleetRequest fleet = new FleetRequest(0, SiteModels.contractKw(site));
            layers.add(fleet);
            info.add(new Layer(fleet.name(), StrategySpec.Fleet.TYPE, new StrategySpec.Fleet(), true));
        }
        layers.add(strategyLayer);
        ControllerStack stack = new ControllerStack(layers, Double.POSITIVE_INFINITY);
        Layer strategy;
        if (site.strategy() instanceof StrategySpec.PeakShaving p) {
            strategy = new Layer(single.name(), p.type(), p, false);
        } else if (site.strategy() instanceof StrategySpec.Idle i) {
            strategy = new Layer(single.name(), i.type(), i, false);
        } else {
            throw new IllegalArgumentException("no live stack for the strategy " + site.strategy());
        }
        info.add(strategy);
        return new LiveStack(stack, Double.POSITIVE_INFINITY, info);
    }

    /** The layers the canonical order puts above the fleet's: safety, reserve, grid code, contract, operator. */
    private static boolean protective(StrategySpec.Layer l) {
        return l instanceof StrategySpec.BackupReserve
                || l instanceof StrategySpec.LoadDropAbsorber
                || l instanceof StrategySpec.GridCodeSmoothing
                || l instanceof StrategySpec.FrequencyResponse
                || l instanceof StrategySpec.DemandLimiter
                || l instanceof StrategySpec.Manual;
    }

    /** A layer as {@code stack()} shows it: its type as the site file writes it, and its settings. */
    static Layer layer(String name, StrategySpec.Layer spec, boolean added) {
        return new Layer(name, spec.type(), (Record) spec, added);
    }

    /** The layers highest priority first, the battery's own limits before them, with the share of cycles each decided. */
    List<EmsService.StackLayer> describe() {
        // read on an API thread while the cycle counts: the shares may be a cycle apart, never wrong
        Map<String, Double> share = stack.bindingShare();
        List<EmsService.StackLayer> out = new ArrayList<>();
        out.add(new EmsService.StackLayer(
                ControllerStack.PHYSICAL,
                "battery-limits",
                new EmsService.BatteryLimits(pcsRampKwPerS),
                share.getOrDefault(ControllerStack.PHYSICAL, 0.0),
                false));
        for (Layer l : layers) {
            out.add(new EmsService.StackLayer(
                    l.name(), l.type(), l.settings(), share.getOrDefault(l.name(), 0.0), l.addedByService()));
        }
        return out;
    }
}
