package dev.chikuden.trace;

import java.time.ZoneId;
import java.util.List;

/**
 * What the user told the trace reader; every null is a decision left to the reader, which prints
 * what it decided (see {@link TraceInput#line()}). Immutable: each {@code with} returns a copy.
 */
public final class TraceOptions {
    /** A step longer than this many median steps is a gap unless a limit is given. */
    public static final int GAP_MEDIANS = 5;

    /** What the caller reads. */
    public enum Kind {
        /** A power series, an nvidia-smi log or interval energy, returned in kW. */
        POWER,
        /** Values as written: temperature, irradiance, state of charge. */
        VALUES
    }

    private final Kind kind;
    private final ZoneId zone;
    private TraceFormat format;
    private String column;
    private String timeColumn;
    private List<String> header;
    private String unit;
    private TextEncoding encoding;
    private Resample resample;
    private GapPolicy gaps;
    private Long gapLimitMs;
    private Integer gpus;
    private Boolean endLabels;
    private boolean defaultKw;
    private boolean blankIsZero;

    private TraceOptions(Kind kind, ZoneId zone) {
        this.kind = kind;
        this.zone = zone;
    }

    /** Power, every decision left to the reader, no default unit. */
    public static TraceOptions power(ZoneId zone) {
        return new TraceOptions(Kind.POWER, zone);
    }

    /** Values as written (temperature, state of charge), every decision left to the reader. */
    public static TraceOptions values(ZoneId zone) {
        return new TraceOptions(Kind.VALUES, zone);
    }

    public Kind kind() {
        return kind;
    }

    /** Of time stamps written without an offset. */
    public ZoneId zone() {
        return zone;
    }

    /** How the file is written; null to detect. */
    public TraceFormat format() {
        return format;
    }

    /** The value column by its header name; null to choose (see {@link ValueColumn}). */
    public String column() {
        return column;
    }

    /** The (first) time column by its header name; null for the first column holding a time. */
    public String timeColumn() {
        return timeColumn;
    }

    /** Column names for a file without a header row; null when it has one. */
    public List<String> header() {
        return header;
    }

    /** W, kW, MW, GW (power) or Wh, kWh, MWh (interval energy); null to read the header's. */
    public String unit() {
        return unit;
    }

    /** Null to detect. */
    public TextEncoding encoding() {
        return encoding;
    }

    /** How samples become grid values; null for {@link Resample#MEAN}. */
    public Resample resample() {
        return resample;
    }

    /** What a gap does; null for an error at the first gap. */
    public GapPolicy gaps() {
        return gaps;
    }

    /** The shortest step that is a gap; null for {@value #GAP_MEDIANS} median steps. */
    public Long gapLimitMs() {
        return gapLimitMs;
    }

    /** GPUs per nvidia-smi poll; null to detect. */
    public Integer gpus() {
        return gpus;
    }

    /** Whether time stamps label the end of their interval (meter exports); null to detect. */
    public Boolean endLabels() {
        return endLabels;
    }

    /** Read power in kW, with a note, when neither header nor option names a unit (else an error asks). */
    public boolean defaultKw() {
        return defaultKw;
    }

    /** A blank cell is 0 (irradiance at night in the JMA's downloads), not a missing sample. */
    public boolean blankIsZero() {
        return blankIsZero;
    }

    public TraceOptions withFormat(TraceFormat f) {
        TraceOptions o = copy();
        o.format = f;
        return o;
    }

    public TraceOptions withColumn(String c) {
        TraceOptions o = copy();
        o.column = c;
        return o;
    }

    public TraceOptions withTimeColumn(String c) {
        TraceOptions o = copy();
        o.timeColumn = c;
        return o;
    }

    public TraceOptions withHeader(List<String> names) {
        TraceOptions o = copy();
        o.header = names == null ? null : List.copyOf(names);
        return o;
    }

    public TraceOptions withUnit(String u) {
        TraceOptions o = copy();
        o.unit = u;
        return o;
    }

    public TraceOptions withEncoding(TextEncoding e) {
        TraceOptions o = copy();
        o.encoding = e;
        return o;
    }

    public TraceOptions withResample(Resample r) {
        TraceOptions o = copy();
        o.resample = r;
        return o;
    }

    /** What gaps do and the shortest step that is one; either may be null for the default. */
    public TraceOptions withGaps(GapPolicy g, Long limitMs) {
        TraceOptions o = copy();
        o.gaps = g;
        o.gapLimitMs = limitMs;
        return o;
    }

    public TraceOptions withGpus(Integer n) {
        TraceOptions o = copy();
        o.gpus = n;
        return o;
    }

    public TraceOptions withEndLabels(Boolean end) {
        TraceOptions o = copy();
        o.endLabels = end;
        return o;
    }

    public TraceOptions withDefaultKw(boolean d) {
        TraceOptions o = copy();
        o.defaultKw = d;
        return o;
    }

    public TraceOptions withBlankAsZero() {
        TraceOptions o = copy();
        o.blankIsZero = true;
        return o;
    }

    Resample resampleOrDefault() {
        return resample == null ? Resample.MEAN : resample;
    }

    /** A copy to set one field of; every field is immutable, so a shallow copy is a copy. */
    private TraceOptions copy() {
        TraceOptions o = new TraceOptions(kind, zone);
        o.format = format;
        o.column = column;
        o.timeColumn = timeColumn;
        o.header = header;
        o.unit = unit;
        o.encoding = encoding;
        o.resample = resample;
        o.gaps = gaps;
        o.gapLimitMs = gapLimitMs;
        o.gpus = gpus;
        o.endLabels = endLabels;
        o.defaultKw = defaultKw;
        o.blankIsZero = blankIsZero;
        return o;
    }
}
