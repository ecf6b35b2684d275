package dev.chikuden.trace;

import java.time.ZoneId;
import java.util.List;

/**
 * What the user told the trace reader; every null is a decision left to the reader, which prints
 * what it decided (see {@link TraceInput#line()}).
 *
 * @param kind       what the caller reads: power (power series, nvidia-smi log or interval energy,
 *                   returned in kW) or values as written (temperature, irradiance, state of charge)
 * @param format     how the file is written; null to detect
 * @param column     the value column by its header name; null to choose (see {@link TraceReader})
 * @param header     column names for a file without a header row; null when it has one
 * @param unit       W, kW, MW, GW (power) or Wh, kWh, MWh (interval energy); null to read the header's
 * @param encoding   null to detect
 * @param resample   how samples become grid values; null for {@link Resample#MEAN}
 * @param gaps       what a gap does; null for an error at the first gap
 * @param gapLimitMs the shortest step that is a gap; null for {@value #GAP_MEDIANS} median steps
 * @param gpus       GPUs per nvidia-smi poll; null to detect
 * @param endLabels  whether time stamps label the end of their interval (meter exports); null to detect
 * @param zone       of time stamps written without an offset
 * @param defaultKw  read power in kW, with a note, when neither header nor option names a unit
 *                   (false: an error asks for the unit)
 * @param blankIsZero a blank cell is 0 (irradiance at night in the JMA's downloads), not a missing sample
 * @param timeColumn the (first) time column by its header name; null for the first column holding a time
 */
public record TraceOptions(
        Kind kind,
        TraceFormat format,
        String column,
        List<String> header,
        String unit,
        TextEncoding encoding,
        Resample resample,
        GapPolicy gaps,
        Long gapLimitMs,
        Integer gpus,
        Boolean endLabels,
        ZoneId zone,
        boolean defaultKw,
        boolean blankIsZero,
        String timeColumn) {

    /** A step longer than this many median steps is a gap unless a limit is given. */
    public static final int GAP_MEDIANS = 5;

    /** What the caller reads. */
    public enum Kind {
        POWER,
        VALUES
    }

    /** Power, every decision left to the reader, no default unit. */
    public static TraceOptions power(ZoneId zone) {
        return new TraceOptions(
                Kind.POWER, null, null, null, null, null, null, null, null, null, null, zone, false, false, null);
    }

    /** Values as written (temperature, state of charge), every decision left to the reader. */
    public static TraceOptions values(ZoneId zone) {
        return new TraceOptions(
                Kind.VALUES, null, null, null, null, null, null, null, null, null, null, zone, false, false, null);
    }

    public TraceOptions withColumn(String c) {
        return new TraceOptions(
                kind,
                format,
                c,
                header,
                unit,
                encoding,
                resample,
                gaps,
                gapLimitMs,
                gpus,
                endLabels,
                zone,
                defaultKw,
                blankIsZero,
                timeColumn);
    }

    public TraceOptions withUnit(String u) {
        return new TraceOptions(
                kind,
                format,
                column,
                header,
                u,
                encoding,
                resample,
                gaps,
                gapLimitMs,
                gpus,
                endLabels,
                zone,
                defaultKw,
                blankIsZero,
                timeColumn);
    }

    public TraceOptions withFormat(TraceFormat f) {
        return new TraceOptions(
                kind,
                f,
                column,
                header,
                unit,
                encoding,
                resample,
                gaps,
                gapLimitMs,
                gpus,
                endLabels,
                zone,
                defaultKw,
                blankIsZero,
                timeColumn);
    }

    public TraceOptions withResample(Resample r) {
        return new TraceOptions(
                kind,
                format,
                column,
                header,
                unit,
                encoding,
                r,
                gaps,
                gapLimitMs,
                gpus,
                endLabels,
                zone,
                defaultKw,
                blankIsZero,
                timeColumn);
    }

    public TraceOptions withGaps(GapPolicy g, Long limitMs) {
        return new TraceOptions(
                kind,
                format,
                column,
                header,
                unit,
                encoding,
                resample,
                g,
                limitMs,
                gpus,
                endLabels,
                zone,
                defaultKw,
                blankIsZero,
                timeColumn);
    }

    public TraceOptions withHeader(List<String> h) {
        return new TraceOptions(
                kind,
                format,
                column,
                h,
                unit,
                encoding,
                resample,
                gaps,
                gapLimitMs,
                gpus,
                endLabels,
                zone,
                defaultKw,
                blankIsZero,
                timeColumn);
    }

    public TraceOptions withEncoding(TextEncoding e) {
        return new TraceOptions(
                kind,
                format,
                column,
                header,
                unit,
                e,
                resample,
                gaps,
                gapLimitMs,
                gpus,
                endLabels,
                zone,
                defaultKw,
                blankIsZero,
                timeColumn);
    }

    public TraceOptions withGpus(Integer n) {
        return new TraceOptions(
                kind,
                format,
                column,
                header,
                unit,
                encoding,
                resample,
                gaps,
                gapLimitMs,
                n,
                endLabels,
                zone,
                defaultKw,
                blankIsZero,
                timeColumn);
    }

    public TraceOptions withEndLabels(Boolean end) {
        return new TraceOptions(
                kind,
                format,
                column,
                header,
                unit,
                encoding,
                resample,
                gaps,
                gapLimitMs,
                gpus,
                end,
                zone,
                defaultKw,
                blankIsZero,
                timeColumn);
    }

    public TraceOptions withDefaultKw(boolean d) {
        return new TraceOptions(
                kind,
                format,
                column,
                header,
                unit,
                encoding,
                resample,
                gaps,
                gapLimitMs,
                gpus,
                endLabels,
                zone,
                d,
                blankIsZero,
                timeColumn);
    }

    public TraceOptions withBlankAsZero() {
        return new TraceOptions(
                kind,
                format,
                column,
                header,
                unit,
                encoding,
                resample,
                gaps,
                gapLimitMs,
                gpus,
                endLabels,
                zone,
                defaultKw,
                true,
                timeColumn);
    }

    public TraceOptions withTimeColumn(String name) {
        return new TraceOptions(
                kind,
                format,
                column,
                header,
                unit,
                encoding,
                resample,
                gaps,
                gapLimitMs,
                gpus,
                endLabels,
                zone,
                defaultKw,
                blankIsZero,
                name);
    }

    Resample resampleOrDefault() {
        return resample == null ? Resample.MEAN : resample;
    }
}
