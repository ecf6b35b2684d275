package dev.chikuden.fleet.ven;

import dev.chikuden.openadr.EventInterval;
import dev.chikuden.openadr.Instruction;
import dev.chikuden.openadr.Instruction.DispatchSetpoint;
import dev.chikuden.openadr.Instruction.ExportCapacityLimit;
import dev.chikuden.openadr.Instruction.ImportCapacityLimit;
import dev.chikuden.openadr.Instruction.Simple;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What the VTN's instructions ask of the portfolio's batteries now: the mapping of OpenADR payloads
 * to one portfolio battery power ({@code > 0} discharge).
 *
 * <ul>
 *   <li>{@code DISPATCH_SETPOINT}: OpenADR's "absolute amount of consumption" of the resource, here
 *       the portfolio at its sites' meters: the batteries discharge the net load less the setpoint,
 *       re-evaluated every cycle, so the portfolio's grid power is the setpoint (what the report says).
 *   <li>{@code IMPORT_CAPACITY_LIMIT}: the batteries discharge what keeps the portfolio's import at
 *       the limit, re-evaluated every cycle from the net load; nothing while the load is below it.
 *   <li>{@code EXPORT_CAPACITY_LIMIT}: likewise, they charge what keeps the export at the limit.
 *   <li>{@code SIMPLE} levels 1-3: an import limit of the portfolio's import when the interval began,
 *       reduced by the configured share for the level; level 0 asks nothing.
 *   <li>{@code PRICE}: asks no power (not acted on yet: see the README).
 * </ul>
 *
 * When several act at once, a setpoint of the most important event (lowest priority number; an
 * event without one comes last) wins; otherwise all the limits hold together, the tightest from each
 * side. No instruction active: no target.
 */
public final class EventTarget {
    private EventTarget() {}

    /** A portfolio battery power and the instruction that set it. */
    public record Target(double kw, EventInterval from) {}

    /**
     * @param baselineImportKw the portfolio's import when each SIMPLE interval began, by interval
     * @return the target, or null when no instruction acts at {@code now}
     */
    static Target at(
            Instant now,
            List<Instruction> instructions,
            PortfolioNow portfolio,
            List<Double> simpleReductions,
            ToDoubleFunction<EventInterval> baselineImportKw) {
        List<Instruction> active = instructions.stream()
                .filter(i -> !now.isBefore(i.interval().start())
                        && now.isBefore(i.interval().end()))
                .sorted(Comparator.comparingInt(i -> i.interval().priority().orElse(Integer.MAX_VALUE)))
                .toList();
        DispatchSetpoint setpoint = active.stream()
                .filter(i -> i instanceof DispatchSetpoint)
                .map(DispatchSetpoint.class::cast)
                .findFirst()
                .orElse(null);
        if (setpoint != null) {
            return new Target(portfolio.netLoadKw() - setpoint.consumptionKw(), setpoint.interval());
        }
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        EventInterval from = null;
        for (Instruction i : active) {
            double importLimit = Double.NaN;
            if (i instanceof ImportCapacityLimit l) {
                importLimit = l.limitKw();
            } else if (i instanceof Simple s && s.level() > 0) {
                importLimit = baselineImportKw.applyAsDouble(s.interval()) * (1 - simpleReductions.get(s.level() - 1));
            } else if (i instanceof ExportCapacityLimit l) {
                // export = -(net load - battery) <= limit: battery <= net load + limit
                hi = Math.min(hi, portfolio.netLoadKw() + l.limitKw());
                from = from == null ? i.interval() : from;
                continue;
            }
            if (!Double.isNaN(importLimit)) {
                // import = net load - battery <= limit: battery >= net load - limit
                lo = Math.max(lo, portfolio.netLoadKw() - Math.max(0, importLimit));
                from = from == null ? i.interval() : from;
            }
        }
        if (from == null) {
            return null;
        }
        // nothing beyond what the limits need; where they cross, the import limit (the grid's safety) wins
        double kw = Math.max(lo, Math.min(hi, 0));
        return new Target(kw, from);
    }

    /** The portfolio's import now, for a SIMPLE interval first seen active. */
    static double importNow(PortfolioNow p) {
        return Math.max(0, p.gridKw());
    }

    /** Keys a SIMPLE interval's baseline. */
    static String key(EventInterval i) {
        return i.eventId() + "/" + i.intervalId() + "/" + i.start();
    }

    static double baseline(Map<String, Double> baselines, EventInterval i, PortfolioNow p) {
        return baselines.computeIfAbsent(key(i), k -> importNow(p));
    }
}
