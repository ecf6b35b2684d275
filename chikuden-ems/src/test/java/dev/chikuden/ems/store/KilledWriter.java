package dev.chikuden.ems.store;

import dev.chikuden.ems.config.EmsConfig;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The process a durability test kills: opens the store named by its arguments and appends
 * {@link SyntheticCycles} until killed, printing {@code ready} once open and then
 * {@code ack N} each time the acknowledged cycle moves.
 * Arguments: {@code duckdb FILE} or {@code postgres URL USER PASSWORD}.
 */
public final class KilledWriter {
    static final long PERIOD_MS = 100;
    /** Short, so many commits happen before the kill and it likely lands in the middle of one. */
    static final WriterSettings SETTINGS = new WriterSettings(100_000, 1_000, 20);

    private KilledWriter() {}

    public static void main(String[] args) throws InterruptedException {
        TelemetryStore store = TelemetryStores.open(config(args), PERIOD_MS, SETTINGS, Clock.systemUTC());
        System.out.println("ready");
        System.out.flush();
        long printed = 0;
        for (long cycle = 1; ; cycle++) {
            store.append(SyntheticCycles.cycle(cycle, PERIOD_MS));
            long ack = store.acknowledgedCycle();
            if (ack != printed) {
                System.out.println("ack " + ack);
                System.out.flush();
                printed = ack;
            }
            Thread.sleep(1);
        }
    }

    /** The store the arguments name, keeping every row (the cycles' timestamps are in 2026). */
    static EmsConfig.Store config(String[] args) {
        long forever = 1_000L * 86_400 * 365 * 100;
        return args[0].equals("duckdb")
                ? new EmsConfig.Store(Path.of(args[1]), null, null, null, forever, 60_000, forever)
                : new EmsConfig.Store(null, args[1], args[2], args[3], forever, 60_000, forever);
    }
}
