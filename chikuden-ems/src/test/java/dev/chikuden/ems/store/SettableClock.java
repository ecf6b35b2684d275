package dev.chikuden.ems.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, read by the writer thread. */
final class SettableClock extends Clock {
    private volatile long nowMs;

    SettableClock(long nowMs) {
        this.nowMs = nowMs;
    }

    void set(long epochMs) {
        nowMs = epochMs;
    }

    @Override
    public long millis() {
        return nowMs;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(nowMs);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the store reads UTC ms only");
    }
}
