package dev.chikuden.ems.api;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refused writes into the audit log. Those whose sender the token did not tell (401, 403, and
 * those the HTTP server refused before the API read them) are logged as {@link RefusalLimiter}
 * allows; the others one by one. A refusal changed nothing, so one the log cannot take is only
 * reported in the service log.
 */
final class RefusalAudit {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalAudit.class);

    private final AuditLog audit;
    private final RefusalLimiter limiter = new RefusalLimiter();

    RefusalAudit(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * Logs a refused write from {@code client} at {@code nowMs}; {@code entry} is made only when it
     * is logged.
     */
    void record(String client, boolean unknownSender, long nowMs, Supplier<AuditLog.Entry> entry) {
        try {
            List<RefusalLimiter.Suppressed> ended = new ArrayList<>();
            boolean log = !unknownSender || limiter.admit(client, nowMs, ended);
            for (RefusalLimiter.Suppressed s : ended) {
                audit.append(suppressed(s));
            }
            if (log) {
                audit.append(entry.get());
            }
        } catch (IOException e) {
            LOG.error("cannot write a refused write of {} to the audit log {}", client, audit.file(), e);
        }
    }

    /** Logs the counts not yet logged, for the service's stop. */
    void flush() throws IOException {
        for (RefusalLimiter.Suppressed s : limiter.drain()) {
            audit.append(suppressed(s));
        }
    }

    /** The line that counts a client's refusals of one window that were not logged one by one. */
    private static AuditLog.Entry suppressed(RefusalLimiter.Suppressed s) {
        return new AuditLog.Entry(
                Instant.ofEpochMilli(s.windowStartMs()).toString(),
                "refused-repeats",
                0,
                s.count() + " further writes refused without a valid token or before the API read them, in the "
                        + RefusalLimiter.WINDOW_MS / 1000 + " s from this time, not logged one by one",
                new AuditLog.Who(s.client(), null, null),
                null,
                null,
                null);
    }
}
