package dev.chikuden.gridcode;

import dev.chikuden.time.FixedStepSeries;
import java.util.List;

/**
 * The grid-code metrics of a power trace. Ramps and drops are positive numbers; NaN means "cannot
 * be measured" (see {@code notes}).
 *
 * @param samples                     steps measured
 * @param stepSeconds                 length of a step
 * @param peakKw                      largest power of any step (the reference of relative limits)
 * @param maxRampUpKwPerS             largest rise across {@code rampWindowSeconds}, per second
 * @param maxRampDownKwPerS           largest fall across {@code rampWindowSeconds}, per second
 * @param rampWindowSeconds           1 s rounded to whole steps (one step when the step is longer)
 * @param maxRampUpKwPerMin           largest rise across {@code rampMinuteWindowSeconds}, per minute
 * @param maxRampDownKwPerMin         largest fall across that window, per minute
 * @param rampMinuteWindowSeconds     1 min rounded to whole steps (one step when the step is longer)
 * @param dynamicRangeKw              largest |power - mean of the window ending at that step|
 * @param dynamicRangeWindowSeconds   that window, rounded to whole steps
 * @param bandLowHz                   lower edge of the oscillation band
 * @param bandHighHz                  upper edge, clipped to the Nyquist frequency
 * @param bandEnergyShare             oscillation energy in the band / all oscillation energy above
 *                                    0 Hz up to Nyquist (0 for a flat trace; NaN when the band lies
 *                                    above Nyquist or the trace is shorter than one segment)
 * @param bandRmsKw                   RMS of the oscillation inside the band (a sine of amplitude A:
 *                                    A/sqrt 2)
 * @param dominantFrequencyHz         centre of the strongest bin above 0 Hz (NaN for a flat trace)
 * @param frequencyResolutionHz       bin width of the spectrum
 * @param welchSegmentSamples         samples per Welch segment
 * @param welchSegments               segments averaged
 * @param spectrum                    the Welch spectrum itself, bin by bin
 * @param rampHistogram               how often each ramp across {@code rampWindowSeconds} occurred
 * @param loadDropEvents              times power fell by more than {@code loadDropKw} within
 *                                    {@code loadDropWithinSeconds}, each event counted once
 * @param largestDropKw               largest fall within that time anywhere in the trace
 * @param loadDropKw                  the event threshold
 * @param loadDropWithinSeconds       the event window, rounded to whole steps (at least one)
 * @param firstLoadDropsEpochMs       start times of the first (at most 10) events
 * @param demand30minKw               mean import of each half-hour slot of the local clock
 * @param peakDemand30minKw           the largest of them
 * @param peakDemand30minSlotEpochMs  start of that slot
 * @param notes                       what could not be measured, and why
 */
public record GridCodeMetrics(
        long samples,
        double stepSeconds,
        double peakKw,
        double maxRampUpKwPerS,
        double maxRampDownKwPerS,
        double rampWindowSeconds,
        double maxRampUpKwPerMin,
        double maxRampDownKwPerMin,
        double rampMinuteWindowSeconds,
        double dynamicRangeKw,
        double dynamicRangeWindowSeconds,
        double bandLowHz,
        double bandHighHz,
        double bandEnergyShare,
        double bandRmsKw,
        double dominantFrequencyHz,
        double frequencyResolutionHz,
        int welchSegmentSamples,
        long welchSegments,
        PowerSpectrum spectrum,
        RampHistogram rampHistogram,
        long loadDropEvents,
        double largestDropKw,
        double loadDropKw,
        double loadDropWithinSeconds,
        List<Long> firstLoadDropsEpochMs,
        FixedStepSeries demand30minKw,
        double peakDemand30minKw,
        long peakDemand30minSlotEpochMs,
        List<String> notes) {
    public GridCodeMetrics {
        firstLoadDropsEpochMs = List.copyOf(firstLoadDropsEpochMs);
        notes = List.copyOf(notes);
    }
}
