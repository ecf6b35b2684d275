package dev.chikuden.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A progress bar on stderr, {@code [####......] 42 %  ETA 0:07}, redrawn in place every 200 ms
 * once the run has lasted 2 s; off with {@code --quiet} and when the output is not a terminal
 * (as in pipes, redirections and tests). Told the units done
 * from any thread; it clears its line when closed.
 */
final class Progress implements LongConsumer, AutoCloseable {
    static final long SHOW_AFTER_NANOS = 2_000_000_000L;
    static final long REDRAW_MS = 200;
    static final int BAR = 10;

    private final long total;
    private final boolean on;
    private final PrintWriter err;
    private final LongSupplier nanoClock;
    private final long started;
    private final LongAdder done = new LongAdder();
    private ScheduledExecutorService timer;
    private int shownWidth;
    private boolean closed;

    Progress(long total, boolean on, PrintWriter err, LongSupplier nanoClock) {
        this.total = total;
        this.on = on && total > 0;
        this.err = err;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
    }

    /** A bar redrawn by a daemon thread, or one that does nothing when quiet or not on a terminal. */
    @SuppressWarnings("FutureReturnValueIgnored") // the timer runs until close shuts it down
    static Progress start(long total, boolean quiet, PrintWriter err) {
        Progress p = new Progress(total, !quiet && onTerminal(), err, System::nanoTime);
        if (p.on) {
            p.timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "chikuden-progress");
                t.setDaemon(true);
                return t;
            });
            p.timer.scheduleAtFixedRate(p::draw, REDRAW_MS, REDRAW_MS, TimeUnit.MILLISECONDS);
        }
        return p;
    }

    /** Whether stdout and stderr are a terminal: no console before JDK 22; from 22 on, the console says. */
    @SuppressWarnings("SystemConsoleNull") // the null is the answer before JDK 22, isTerminal the one after
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // before JDK 22 there is a console only on a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    @Override
    public void accept(long units) {
        if (on) {
            done.add(units);
        }
    }

    /** Draws the bar, if it is on and the run has lasted long enough. */
    synchronized void draw() {
        long elapsed = nanoClock.getAsLong() - started;
        if (!on || closed || elapsed < SHOW_AFTER_NANOS) {
            return;
        }
        String line = render(done.sum(), total, elapsed);
        err.print("\r" + line + " ".repeat(Math.max(0, shownWidth - line.length())));
        err.flush();
        shownWidth = Math.max(shownWidth, line.length());
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
        if (shownWidth > 0) {
            err.print("\r" + " ".repeat(shownWidth) + "\r");
            err.flush();
            shownWidth = 0;
        }
    }

    /** {@code [####......] 42 %  ETA 0:07}: the ETA extrapolates the rate so far; "ETA ?" before any unit. */
    static String render(long done, long total, long elapsedNanos) {
        double f = total <= 0 ? 0 : Math.min(1, Math.max(0, (double) done / total));
        int filled = (int) Math.floor(f * BAR);
        String eta = done <= 0 ? "?" : clock(Math.round(elapsedNanos / 1e9 * (1 - f) / f));
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] "
                + String.format(Locale.ROOT, "%2d %%  ETA %s", (int) Math.floor(f * 100), eta);
    }

    /** m:ss, or h:mm:ss from an hour. */
    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
