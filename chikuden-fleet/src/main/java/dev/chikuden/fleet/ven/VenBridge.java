package dev.chikuden.fleet.ven;

import dev.chikuden.control.PriceSignals;
import dev.chikuden.openadr.EventInterval;
import dev.chikuden.openadr.Instruction;
import dev.chikuden.openadr.InstructionSet;
import dev.chikuden.openadr.ReportInterval;
import dev.chikuden.openadr.ReportQuantity;
import dev.chikuden.openadr.Ven;
import dev.chikuden.openadr.VenConfig;
import dev.chikuden.openadr.VenReport;
import dev.chikuden.openadr.VenStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fleet as a VEN of a utility's or aggregator's VTN: the VTN's events become the portfolio's
 * target ({@link EventTarget}) and, when each event interval ends, the portfolio's mean grid power
 * over it goes back as a report ({@code READING}, {@code MEAN}, kW, consumption positive). Reports
 * that fail are tried again at the next cycle. Called by the fleet's cycle thread only.
 */
public final class VenBridge implements AutoCloseable {
    /** An interval being reported on: the sum and count of the portfolio's grid power samples. */
    private static final class Tally {
        final EventInterval interval;
        double sumKw;
        int samples;

        Tally(EventInterval interval) {
            this.interval = interval;
        }
    }

    private final Ven ven;
    private final List<Double> simpleReductions;
    private final Map<String, Double> baselines = new HashMap<>();
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final List<VenReport> unsent = new ArrayList<>();
    private final ExecutorService poster = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ven-reports");
        t.setDaemon(true);
        return t;
    });
    private volatile int reportsPosted;

    /** @param simpleReductions the import reduction for SIMPLE levels 1, 2, 3 */
    public VenBridge(VenConfig config, List<Double> simpleReductions) {
        this.ven = new Ven(config, set -> {});
        this.simpleReductions = List.copyOf(simpleReductions);
    }

    /** Connects and polls once (throws when the VTN refuses the credentials), then polls on its own. */
    public VenBridge start() {
        ven.start();
        return this;
    }

    public VenStatus status() {
        return ven.status();
    }

    public InstructionSet instructions() {
        return ven.current();
    }

    /**
     * The VTN's {@code PRICE} intervals in yen, for the sites' optimising layers (the MPC) to plan with;
     * a price in another currency is left out (the sites' tariffs are in yen).
     */
    public List<PriceSignals.Interval> prices() {
        List<PriceSignals.Interval> out = new ArrayList<>();
        for (Instruction i : ven.current().instructions()) {
            if (i instanceof Instruction.Price p && "JPY".equals(p.currency())) {
                out.add(new PriceSignals.Interval(
                        p.interval().start().toEpochMilli(), p.interval().end().toEpochMilli(), p.pricePerKwh()));
            }
        }
        return List.copyOf(out);
    }

    public int reportsPosted() {
        return reportsPosted;
    }

    /**
     * The portfolio's battery power the VTN's events ask for now, or null when none acts; and the
     * portfolio's grid power taken into the report of every interval that acts.
     */
    public EventTarget.Target cycle(PortfolioNow portfolio) {
        Instant now = Instant.ofEpochMilli(portfolio.epochMs());
        List<Instruction> instructions = ven.current().instructions();
        for (Instruction i : instructions) {
            EventInterval in = i.interval();
            if (!now.isBefore(in.start())
                    && now.isBefore(in.end())
                    && !(i instanceof Instruction.Price)
                    && Double.isFinite(portfolio.gridKw())) {
                Tally t = tallies.computeIfAbsent(EventTarget.key(in), k -> new Tally(in));
                t.sumKw += portfolio.gridKw();
                t.samples++;
            }
        }
        report(now);
        return EventTarget.at(
                now, instructions, portfolio, simpleReductions, in -> EventTarget.baseline(baselines, in, portfolio));
    }

    /** Sends the report of every interval that has ended, one report per event. */
    private void report(Instant now) {
        Map<String, List<ReportInterval>> byEvent = new LinkedHashMap<>();
        var it = tallies.values().iterator();
        while (it.hasNext()) {
            Tally t = it.next();
            if (!now.isBefore(t.interval.end()) && t.samples > 0) {
                byEvent.computeIfAbsent(t.interval.eventId(), k -> new ArrayList<>())
                        .add(new ReportInterval(
                                t.interval.intervalId(),
                                t.interval.start(),
                                t.interval.duration(),
                                t.sumKw / t.samples));
                baselines.remove(EventTarget.key(t.interval));
                it.remove();
            }
        }
        List<VenReport> batch;
        synchronized (unsent) {
            byEvent.forEach((event, intervals) ->
                    unsent.add(VenReport.aggregated(event, ReportQuantity.MEAN_POWER_KW, intervals)));
            if (unsent.isEmpty()) {
                return;
            }
            batch = List.copyOf(unsent);
            unsent.clear();
        }
        poster.execute(() -> {
            for (VenReport r : batch) {
                try {
                    ven.report(r);
                    reportsPosted++;
                } catch (RuntimeException e) {
                    synchronized (unsent) {
                        unsent.add(r); // the next cycle tries again
                    }
                }
            }
        });
    }

    @Override
    public void close() {
        poster.shutdown();
        ven.close();
    }
}
