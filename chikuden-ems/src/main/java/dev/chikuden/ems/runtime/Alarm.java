package dev.chikuden.ems.runtime;

/**
 * One alarm: raised by the runtime (a silent device, a failed write, a stuck cycle) or reported by a
 * device. It stays in the list after it clears, with the time it cleared, so operators see history.
 *
 * @param code            a stable identifier such as {@code device-silent} or {@code write-failed}
 * @param source          the device or part that raised it ({@code bess-1}, {@code meter}, {@code cycle})
 * @param message         what happened, for people
 * @param raisedEpochMs   when it was raised (UTC ms)
 * @param clearedEpochMs  when it cleared (UTC ms), 0 while active
 */
public record Alarm(String code, String source, String message, long raisedEpochMs, long clearedEpochMs) {
    public boolean active() {
        return clearedEpochMs == 0;
    }

    public Alarm cleared(long atEpochMs) {
        return new Alarm(code, source, message, raisedEpochMs, atEpochMs);
    }
}
