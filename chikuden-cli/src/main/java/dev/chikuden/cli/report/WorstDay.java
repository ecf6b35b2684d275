package dev.chikuden.cli.report;

import dev.chikuden.sim.StepChunk;
import dev.chikuden.sim.StepSink;
import dev.chikuden.time.HalfHourDemandMeter;
import dev.chikuden.time.TimeGrid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Keeps the local calendar day with the largest 30-minute demand of the site without its battery
 * (load minus PV), the day the contract and the bill hinge on; none when that demand is never above
 * 0 (a grid battery's site draws nothing without it). Its steps are kept as they are, or in
 * buckets of one second when the step is shorter (a day at 100 ms would be too large to draw).
 * The load does not depend on the battery, so recorded on the case with the battery it picks the
 * same day as the case without. Memory: two days of buckets.
 */
final class WorstDay implements StepSink {
    private final TimeGrid grid;
    private final ZoneId zone;
    private final HalfHourDemandMeter demand;
    private BalanceBuckets today;
    private BalanceBuckets worst;
    private long dayEndEpochMs = Long.MIN_VALUE;
    private long todayFirstEpochMs;
    private double todayPeakKw = Double.NEGATIVE_INFINITY;
    private long worstFirstEpochMs;
    /** 0 until a day with demand: a day is kept only for a demand above 0. */
    private double worstPeakKw = 0;
    /** The chunk's load minus PV. */
    private double[] netKw = new double[0];

    WorstDay(TimeGrid grid) {
        this.grid = grid;
        this.zone = grid.zone();
        this.demand =
                new HalfHourDemandMeter(zone, (slotStart, kw, covered) -> todayPeakKw = Math.max(todayPeakKw, kw));
        int bucketSteps = grid.stepMs() >= 1000 ? 1 : (int) Math.max(1, Math.round(1000.0 / grid.stepMs()));
        // a day lasts 25 h when the clocks go back
        long daySteps = Math.min(25 * 3_600_000L / grid.stepMs() + 1, grid.steps());
        this.today = BalanceBuckets.forSteps(daySteps, bucketSteps);
        this.worst = BalanceBuckets.forSteps(daySteps, bucketSteps);
    }

    @Override
    public void accept(StepChunk c) {
        long stepMs = grid.stepMs();
        int n = c.count();
        if (netKw.length < n) {
            netKw = new double[n];
        }
        for (int i = 0; i < n; i++) {
            netKw[i] = c.loadKw[i] - c.pvKw[i];
        }
        long t = grid.epochMsAt(c.firstStep());
        int i = 0;
        while (i < n) {
            if (t >= dayEndEpochMs) {
                // the meter first, so that the slot closing at midnight still counts for the day it belongs to
                demand.add(t, stepMs, netKw[i]);
                endDay();
                startDay(t);
                today.add(c, i, 1);
                i++;
                t += stepMs;
                continue;
            }
            // the steps that start before the day ends
            int run = (int) Math.min(n - i, (dayEndEpochMs - t + stepMs - 1) / stepMs);
            demand.addSteps(t, stepMs, netKw, i, run);
            today.add(c, i, run);
            i += run;
            t += run * stepMs;
        }
    }

    private void startDay(long epochMs) {
        LocalDate date = Instant.ofEpochMilli(epochMs).atZone(zone).toLocalDate();
        dayEndEpochMs = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        todayFirstEpochMs = epochMs;
    }

    private void endDay() {
        if (today.buckets() > 0 && todayPeakKw > worstPeakKw) {
            BalanceBuckets t = worst;
            worst = today;
            today = t;
            worstPeakKw = todayPeakKw;
            worstFirstEpochMs = todayFirstEpochMs;
        }
        today.clear();
        todayPeakKw = Double.NEGATIVE_INFINITY;
    }

    @Override
    public void close() {
        demand.finish();
        endDay();
    }

    /** The day's steps (or one-second buckets); empty before the run has closed. */
    BalanceBuckets buckets() {
        return worst;
    }

    /** When the recorded part of the day starts: midnight, or the study's start on its first day. */
    long firstEpochMs() {
        return worstFirstEpochMs;
    }

    /** The day's largest 30-minute demand without battery, kW. */
    double peakDemandKw() {
        return worstPeakKw;
    }

    double bucketSeconds() {
        return worst.bucketSteps() * grid.stepSeconds();
    }
}
