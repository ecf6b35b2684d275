package dev.chikuden.study;

import dev.chikuden.battery.Battery;
import dev.chikuden.control.Controller;
import dev.chikuden.sim.SimulationEngine;
import dev.chikuden.sim.SimulationResult;
import dev.chikuden.sim.StepSink;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.time.TimeGrid;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The planning study: the site simulated without its batteries and with them, under its strategy.
 * The two cases are independent and run on two threads.
 */
public final class PlanStudy {
    /** Which of the two runs. */
    public enum Case {
        WITHOUT_BATTERY("without-battery"), WITH_BATTERY("with-battery");

        private final String fileStem;

        Case(String fileStem) {
            this.fileStem = fileStem;
        }

        public String fileStem() {
            return fileStem;
        }
    }

    /** Opens the sinks that record one case (result files); none for a figures-only study. */
    @FunctionalInterface
    public interface SinkFactory {
        List<StepSink> open(Case c, TimeGrid grid);

        SinkFactory NONE = (c, grid) -> List.of();
    }

    /**
     * @param withBattery null when the site has no battery
     */
    public record Result(SiteConfig site, SimulationResult withoutBattery, SimulationResult withBattery,
                         double wallSeconds) {
        public long stepsSimulated() {
            return withoutBattery.steps() + (withBattery == null ? 0 : withBattery.steps());
        }
    }

    private PlanStudy() {
    }

    public static Result run(SiteConfig site, SinkFactory sinks) {
        long started = System.nanoTime();
        CompletableFuture<SimulationResult> with = site.batteries().isEmpty() ? null
                : CompletableFuture.supplyAsync(() -> simulate(site, Case.WITH_BATTERY, sinks));
        SimulationResult without = simulate(site, Case.WITHOUT_BATTERY, sinks);
        SimulationResult withResult;
        try {
            withResult = with == null ? null : with.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        return new Result(site, without, withResult, (System.nanoTime() - started) / 1e9);
    }

    /** One case, on the caller's thread. */
    public static SimulationResult simulate(SiteConfig site, Case c, SinkFactory sinks) {
        TimeGrid grid = SiteModels.timeGrid(site);
        boolean battery = c == Case.WITH_BATTERY;
        SimulationEngine engine = new SimulationEngine(grid, SiteModels.load(site, grid), SiteModels.pv(site, grid),
                battery ? SiteModels.battery(site) : Battery.NONE,
                battery ? SiteModels.controller(site) : Controller.IDLE,
                site.grid().frequencyHz());
        return engine.run(sinks.open(c, grid));
    }
}
