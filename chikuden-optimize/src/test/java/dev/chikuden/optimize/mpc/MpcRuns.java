package dev.chikuden.optimize.mpc;

import dev.chikuden.control.ControlLayer;
import dev.chikuden.control.ControllerStack;
import dev.chikuden.sim.SimulationEngine;
import dev.chikuden.sim.SimulationResult;
import dev.chikuden.sim.StepSink;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.SiteModels;
import dev.chikuden.time.TimeGrid;
import java.util.List;

/** The site's study with its battery under one control layer alone, at 60 Hz. */
final class MpcRuns {
    private MpcRuns() {}

    static SimulationResult run(SiteConfig site, ControlLayer controller, List<? extends StepSink> sinks) {
        TimeGrid grid = SiteModels.timeGrid(site);
        return new SimulationEngine(
                        grid,
                        SiteModels.load(site, grid),
                        SiteModels.pv(site, grid),
                        SiteModels.battery(site),
                        new ControllerStack(List.of(controller), Double.POSITIVE_INFINITY),
                        60)
                .run(sinks);
    }
}
