package dev.chikuden.study;

import dev.chikuden.battery.Battery;
import dev.chikuden.battery.BatteryBank;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.ReservoirBattery;
import dev.chikuden.control.Controller;
import dev.chikuden.control.PeakShavingController;
import dev.chikuden.load.DailyProfileLoad;
import dev.chikuden.profile.PowerProfile;
import dev.chikuden.profile.SumProfile;
import dev.chikuden.profile.TraceProfile;
import dev.chikuden.pv.ClearSkyPv;
import dev.chikuden.site.ClearSkyPvSpec;
import dev.chikuden.site.DailyProfileLoadSpec;
import dev.chikuden.site.LoadSpec;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StrategySpec;
import dev.chikuden.site.TraceSpec;
import dev.chikuden.time.SeriesCsv;
import dev.chikuden.time.TimeGrid;
import java.util.ArrayList;
import java.util.List;

/** Builds the models of a configured site. Each call returns fresh, independent objects. */
public final class SiteModels {
    private SiteModels() {
    }

    public static TimeGrid timeGrid(SiteConfig site) {
        return site.study().timeGrid(site.zone());
    }

    public static PowerProfile load(SiteConfig site, TimeGrid grid) {
        List<PowerProfile> parts = new ArrayList<>();
        for (LoadSpec spec : site.loads()) {
            if (spec instanceof DailyProfileLoadSpec d) {
                parts.add(new DailyProfileLoad(grid, d.baseKw(), d.hourlyFactors(), d.weekendFactor(),
                        d.noiseFraction(), d.seed()));
            } else {
                parts.add(trace((TraceSpec) spec, site, grid));
            }
        }
        return SumProfile.of(parts);
    }

    public static PowerProfile pv(SiteConfig site, TimeGrid grid) {
        if (site.pv() == null) {
            return PowerProfile.ZERO;
        }
        if (site.pv() instanceof ClearSkyPvSpec c) {
            return new ClearSkyPv(grid, c.peakKw(), site.location().latitudeDeg(), site.location().longitudeDeg());
        }
        return trace((TraceSpec) site.pv(), site, grid);
    }

    public static Battery battery(SiteConfig site) {
        List<Battery> units = new ArrayList<>();
        for (BatteryParameters p : site.batteries()) {
            units.add(new ReservoirBattery(p));
        }
        return BatteryBank.of(units);
    }

    public static Controller controller(SiteConfig site) {
        if (site.strategy() instanceof StrategySpec.PeakShaving p) {
            return new PeakShavingController(p.dischargeAboveKw(), p.chargeBelowKw());
        }
        return Controller.IDLE;
    }

    private static PowerProfile trace(TraceSpec t, SiteConfig site, TimeGrid grid) {
        return new TraceProfile(t.file().toString(), SeriesCsv.read(t.file(), t.column(), site.zone()), grid,
                t.interpolation(), t.kwPerUnit(), t.repeat());
    }
}
