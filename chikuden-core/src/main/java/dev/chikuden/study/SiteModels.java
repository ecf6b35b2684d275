package dev.chikuden.study;

import dev.chikuden.BadInputException;
import dev.chikuden.battery.Battery;
import dev.chikuden.battery.BatteryBank;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.BatterySystem;
import dev.chikuden.control.BackupReserve;
import dev.chikuden.control.ControlLayer;
import dev.chikuden.control.ControlLoop;
import dev.chikuden.control.Controller;
import dev.chikuden.control.ControllerStack;
import dev.chikuden.control.DemandLimiter;
import dev.chikuden.control.FleetRequest;
import dev.chikuden.control.FrequencyResponse;
import dev.chikuden.control.GridCodeSmoothing;
import dev.chikuden.control.LoadDropAbsorber;
import dev.chikuden.control.ManualSetpoint;
import dev.chikuden.control.NoBatteryExport;
import dev.chikuden.control.PeakShavingController;
import dev.chikuden.control.ScheduleFollower;
import dev.chikuden.control.SelfConsumption;
import dev.chikuden.gridcode.GridCodeRules;
import dev.chikuden.load.DailyProfileLoad;
import dev.chikuden.load.ScheduleLoad;
import dev.chikuden.load.ai.AiCampusLoad;
import dev.chikuden.load.ai.TrainingJob;
import dev.chikuden.load.household.HouseholdLoad;
import dev.chikuden.market.JepxSpotCsv;
import dev.chikuden.market.PriceSeries;
import dev.chikuden.profile.Profile;
import dev.chikuden.profile.SumProfile;
import dev.chikuden.profile.TraceProfile;
import dev.chikuden.pv.ClearSkyPv;
import dev.chikuden.pv.ClimatePv;
import dev.chikuden.pv.WeatherPv;
import dev.chikuden.site.AiCampusLoadSpec;
import dev.chikuden.site.AmbientSpec;
import dev.chikuden.site.BillingSpec;
import dev.chikuden.site.ClearSkyPvSpec;
import dev.chikuden.site.ClimatePvSpec;
import dev.chikuden.site.DailyProfileLoadSpec;
import dev.chikuden.site.HouseholdLoadSpec;
import dev.chikuden.site.LoadSpec;
import dev.chikuden.site.ScheduleLoadSpec;
import dev.chikuden.site.SiteClass;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StrategySpec;
import dev.chikuden.site.TraceSpec;
import dev.chikuden.site.WeatherPvSpec;
import dev.chikuden.tariff.Tariff;
import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.time.TimeGrid;
import dev.chikuden.trace.Trace;
import dev.chikuden.trace.TraceOptions;
import dev.chikuden.trace.TraceReader;
import dev.chikuden.weather.Climate;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Builds the models of a configured site. Each call returns fresh, independent objects. */
public final class SiteModels {
    private SiteModels() {}

    public static TimeGrid timeGrid(SiteConfig site) {
        return site.study().timeGrid(site.zone());
    }

    public static Profile load(SiteConfig site, TimeGrid grid) {
        return load(site, grid, null);
    }

    /** The site's load; with {@code smoothing}, every training job smooths its power that way. */
    public static Profile load(SiteConfig site, TimeGrid grid, TrainingJob.GpuSmoothing smoothing) {
        List<Profile> parts = new ArrayList<>();
        for (LoadSpec spec : site.loads()) {
            if (spec instanceof DailyProfileLoadSpec d) {
                parts.add(daily(d, grid));
            } else if (spec instanceof ScheduleLoadSpec s) {
                parts.add(new ScheduleLoad(grid, s.schedule(), s.rampMs(), s.noiseFraction(), s.seed()));
            } else if (spec instanceof HouseholdLoadSpec h) {
                parts.add(new HouseholdLoad(grid, h.shape(), h.annualKwh(), h.ecoCute(), h.ev()));
            } else if (spec instanceof AiCampusLoadSpec a) {
                List<TrainingJob> jobs = smoothing == null
                        ? a.training()
                        : a.training().stream()
                                .map(j -> withSmoothing(j, smoothing))
                                .toList();
                parts.add(new AiCampusLoad(
                        grid,
                        jobs,
                        a.inference() == null ? Profile.ZERO : daily(a.inference(), grid),
                        ambient(site, grid),
                        a.facility()));
            } else {
                parts.add(trace((TraceSpec) spec, site, grid));
            }
        }
        return SumProfile.of(parts);
    }

    private static TrainingJob withSmoothing(TrainingJob j, TrainingJob.GpuSmoothing s) {
        return new TrainingJob(
                j.name(),
                j.gpus(),
                j.gpuTdpW(),
                j.hostWPerGpu(),
                j.communicationFraction(),
                j.idleFraction(),
                j.iterationPeriodS(),
                j.jitterFraction(),
                j.computeFraction(),
                j.phaseOffsetS(),
                j.periodDrift(),
                j.checkpointEveryS(),
                j.checkpointDurationS(),
                j.checkpointFraction(),
                j.startS(),
                j.stopS(),
                j.rampS(),
                j.failuresPerDay(),
                j.restartAfterS(),
                s,
                j.seed());
    }

    private static Profile daily(DailyProfileLoadSpec d, TimeGrid grid) {
        return new DailyProfileLoad(
                grid, d.baseKw(), d.hourlyFactors(), d.weekendFactor(), d.noiseFraction(), d.seed());
    }

    public static Profile pv(SiteConfig site, TimeGrid grid) {
        if (site.pv() == null) {
            return Profile.ZERO;
        }
        if (site.pv() instanceof ClearSkyPvSpec c) {
            return new ClearSkyPv(
                    grid,
                    c.peakKw(),
                    site.location().latitudeDeg(),
                    site.location().longitudeDeg());
        }
        if (site.pv() instanceof WeatherPvSpec w) {
            return weather(w, grid);
        }
        if (site.pv() instanceof ClimatePvSpec c) {
            return ClimatePv.of(grid, Climate.named(c.climate()), c.system());
        }
        return trace((TraceSpec) site.pv(), site, grid);
    }

    /** PV from the hourly weather; 25 °C air when the file gives no temperature. */
    private static Profile weather(WeatherPvSpec w, TimeGrid grid) {
        FixedStepSeries hours = w.poa() != null ? w.poa() : w.ghi();
        long[] epochMs = new long[hours.size()];
        for (int i = 0; i < epochMs.length; i++) {
            epochMs[i] = hours.epochMsAt(i);
        }
        double[] air = w.temperature() != null ? w.temperature().values() : new double[epochMs.length];
        if (w.temperature() == null) {
            java.util.Arrays.fill(air, 25);
        }
        return WeatherPv.of(
                w.file().toString(),
                grid,
                epochMs,
                values(w.ghi()),
                values(w.dni()),
                values(w.dhi()),
                values(w.poa()),
                air,
                w.system());
    }

    private static double[] values(FixedStepSeries s) {
        return s == null ? null : s.values();
    }

    public static Battery battery(SiteConfig site) {
        List<Battery> units = new ArrayList<>();
        for (BatteryParameters p : site.batteries()) {
            units.add(new BatterySystem(p));
        }
        return BatteryBank.of(units);
    }

    /** Air temperature around the batteries, °C. */
    public static Profile ambient(SiteConfig site, TimeGrid grid) {
        AmbientSpec a = site.ambient();
        if (a instanceof AmbientSpec.Constant c) {
            double t = c.temperatureC();
            return (first, out, count) -> java.util.Arrays.fill(out, 0, count, t);
        }
        if (a instanceof AmbientSpec.BuiltInClimate b) {
            return Climate.named(b.name()).on(grid);
        }
        return trace((TraceSpec) a, site, grid);
    }

    /**
     * The site's grid-code rules: its own file, or the shipped defaults, which are written for large
     * AI loads and judge only an AI campus ({@link SiteClass#shippedRulesApply}); any other site (a
     * grid battery, a factory, a home) is judged by no rule unless it gives its connection's own,
     * and its metrics are still measured.
     */
    public static GridCodeRules gridCodeRules(SiteConfig site) {
        if (site.gridCodeRules() != null) {
            return GridCodeRules.read(site.gridCodeRules());
        }
        return SiteClass.shippedRulesApply(site)
                ? GridCodeRules.defaults()
                : GridCodeRules.none(GridCodeRules.defaults().settings());
    }

    /**
     * The site's strategy as a controller; where the export sale takes no battery energy (a FIT
     * term, a PV-only buy-back) a {@link NoBatteryExport} layer sits above it.
     */
    public static Controller controller(SiteConfig site) {
        long noExportUntil = batteryExportForbiddenUntil(site);
        if (site.strategy() instanceof StrategySpec.Stack stack) {
            List<ControlLayer> layers = new ArrayList<>();
            List<ControlLoop> loops = new ArrayList<>();
            if (noExportUntil != Long.MIN_VALUE) {
                layers.add(new NoBatteryExport(noExportUntil));
                loops.add(null);
            }
            double reserveKwh = 0; // what the backup reserves above keep: a fleet layer offers none of it
            for (StrategySpec.Layer l : stack.layers()) {
                ControlLayer built = l instanceof StrategySpec.Fleet
                        ? new FleetRequest(reserveKwh, contractKw(site))
                        : layer(l, site);
                if (built instanceof BackupReserve r) {
                    reserveKwh += r.reserveKwh();
                }
                layers.add(built);
            }
            loops.addAll(stack.loops());
            return new ControllerStack(layers, loops, stack.pcsRampKwPerS());
        }
        Controller c = site.strategy() instanceof StrategySpec.PeakShaving p
                ? new PeakShavingController(p.dischargeAboveKw(), p.chargeBelowKw())
                : Controller.IDLE;
        return noExportUntil == Long.MIN_VALUE
                ? c
                : new ControllerStack(
                        List.of(new NoBatteryExport(noExportUntil), ControllerStack.asLayer(c)),
                        Double.POSITIVE_INFINITY);
    }

    /** The grid contract a fleet's request must not charge past, kW; 0 for none. */
    public static double contractKw(SiteConfig site) {
        return site.grid() == null ? 0 : Math.max(0, site.grid().contractKw());
    }

    /**
     * Until when the battery must not discharge into export: {@link Long#MAX_VALUE} when the buyer
     * never takes battery energy, the end of a FIT term, or {@link Long#MIN_VALUE} when it may always.
     */
    public static long batteryExportForbiddenUntil(SiteConfig site) {
        Tariff.ExportSale sale = site.billing() == null || site.billing().tariff() == null
                ? null
                : site.billing().tariff().exportSale();
        if (sale == null) {
            return Long.MIN_VALUE;
        }
        if (!sale.batteryExport()) {
            return Long.MAX_VALUE;
        }
        return sale.fit() == null
                ? Long.MIN_VALUE
                : sale.fitEndsBefore()
                        .atDay(1)
                        .atStartOfDay(site.zone())
                        .toInstant()
                        .toEpochMilli();
    }

    private static ControlLayer layer(StrategySpec.Layer l, SiteConfig site) {
        if (l instanceof StrategySpec.BackupReserve r) {
            return new BackupReserve(r.criticalLoadKw(), r.durationHours());
        }
        if (l instanceof StrategySpec.LoadDropAbsorber d) {
            return new LoadDropAbsorber(d.maxDropKwPerS());
        }
        if (l instanceof StrategySpec.GridCodeSmoothing g) {
            return new GridCodeSmoothing(
                    g.maxRampKwPerS(),
                    g.toleranceKw(),
                    g.filterSeconds(),
                    g.socTarget(),
                    g.socBand(),
                    g.socRecoveryHours());
        }
        if (l instanceof StrategySpec.FrequencyResponse f) {
            return new FrequencyResponse(site.grid().frequencyHz(), f.deadbandHz(), f.droop(), f.reservedKw());
        }
        if (l instanceof StrategySpec.DemandLimiter d) {
            return new DemandLimiter(d.targetKw(), d.rechargeSocTarget(), d.maxRechargeKw());
        }
        if (l instanceof StrategySpec.Schedule sch) {
            Trace schedule = TraceReader.read(sch.file(), TraceOptions.values(site.zone()));
            FixedStepSeries s =
                    schedule.onGrid(schedule.epochMsAt(0), schedule.input().medianStepMs());
            if (s.stepMs() < site.study().stepMs()) {
                throw new BadInputException(sch.file() + ": the schedule's slots (" + s.stepMs() / 1000.0
                        + " s) are shorter than the study step (" + site.study().stepMs() / 1000.0
                        + " s); a step would skip slots. Use a schedule step of at least the study step");
            }
            return sch.energy()
                    ? ScheduleFollower.energy(s.startEpochMs(), s.stepMs(), s.values())
                    : new ScheduleFollower(s.startEpochMs(), s.stepMs(), s.values());
        }
        if (l instanceof StrategySpec.Mpc mpc) {
            return mpcProvider().create(site, mpc);
        }
        if (l instanceof StrategySpec.SelfConsumption sc) {
            return new SelfConsumption(sc.gridCharge(), site.zone());
        }
        if (l instanceof StrategySpec.Manual) {
            return new ManualSetpoint();
        }
        // a new layer type must be built here, never run as another
        throw new IllegalArgumentException("no controller for the layer type " + l.type());
    }

    /** The optimisation module's MPC, looked up through the loader that loaded the core. */
    private static MpcLayerProvider mpcProvider() {
        return ServiceLoader.load(MpcLayerProvider.class, MpcLayerProvider.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new BadInputException("strategy: the mpc controller solves the dispatch LP and "
                        + "needs the chikuden-optimize module on the class path (the chikuden command line has it)"));
    }

    /** The site's JEPX prices, read from its price file; null when it gives none. */
    public static PriceSeries prices(SiteConfig site) {
        BillingSpec b = site.billing();
        return b == null || b.prices() == null
                ? null
                : JepxSpotCsv.read(b.prices().file(), b.prices().area());
    }

    /** A trace file on the study grid: its samples integrated over each study step. */
    private static Profile trace(TraceSpec t, SiteConfig site, TimeGrid grid) {
        String source = t.file().toString();
        FixedStepSeries node = t.trace().onGrid(grid.startEpochMs(), grid.stepMs());
        return new TraceProfile(source, t.nodes().campus(source, node), grid, t.scale(), t.repeat());
    }
}
