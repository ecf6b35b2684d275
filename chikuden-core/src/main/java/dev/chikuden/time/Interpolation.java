package dev.chikuden.time;

/** How a series is filled in when resampled to a finer step. */
public enum Interpolation {
    /** Each coarse value is held over the fine steps it covers (right for energy per interval). */
    HOLD,
    /** Linear between coarse sample points, the last one held (right for sampled signals). */
    LINEAR
}
