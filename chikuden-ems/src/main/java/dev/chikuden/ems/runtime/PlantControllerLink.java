package dev.chikuden.ems.runtime;

import dev.chikuden.control.ControlChain;
import dev.chikuden.control.ControlLayer;
import dev.chikuden.control.ControlLoop;
import dev.chikuden.control.ControllerStack;
import dev.chikuden.ems.device.PlantBlock;
import dev.chikuden.ems.device.PlantControllerDevice;
import dev.chikuden.ems.device.PlantStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The EMS's side of a plant controller that hosts the site's fast layers ({@code control.fast.host:
 * device}): after each supervisory pass, the held requests of the supervisory layers (with which of
 * them move with the net load, and the net load the pass saw) go to the controller in one block with
 * the heartbeat moved on and enable 1, instead of setpoints to the units; in the safe state, enable
 * 0. The controller's own account (command, binding layer, cycles) is read after each write, without
 * waiting, for the API.
 */
final class PlantControllerLink {
    private final PlantControllerDevice device;
    private final ControllerStack stack;
    private final List<ControlLoop> loops;
    private final List<ControlLayer> layers;
    private final long fastPeriodMs;
    private int heartbeat;
    /** The {@code write-failed} alarm raised for the controller, -1 when none (under the cycle's lock). */
    long writeAlarm = -1;

    private volatile PlantStatus status;
    private final AtomicLong acknowledged = new AtomicLong();

    PlantControllerLink(PlantControllerDevice device, ControllerStack stack, long fastPeriodMs) {
        if (stack.layers().size() > device.layers()) {
            throw new IllegalArgumentException("the stack has " + stack.layers().size() + " layers but " + device.name()
                    + "'s registers hold " + device.layers());
        }
        this.device = device;
        this.stack = stack;
        this.loops = stack.loops();
        this.layers = stack.layers();
        this.fastPeriodMs = fastPeriodMs;
    }

    String name() {
        return device.name();
    }

    void close() {
        device.close();
    }

    @Override
    public String toString() {
        return device.name() + " at " + device.address();
    }

    /** The block for the supervisory pass just run (fast layers ask nothing), written; the heartbeat moves on. */
    CompletableFuture<?> startCommand() {
        heartbeat = (heartbeat + 1) & 0xFFFF;
        PlantBlock block = new PlantBlock(layers.size(), heartbeat, stack.supervisedNetKw());
        for (int i = 0; i < layers.size(); i++) {
            if (loops.get(i) == ControlLoop.SUPERVISORY) {
                block.hold(
                        i,
                        stack.heldAtLeastKw(i),
                        stack.heldAtMostKw(i),
                        stack.heldPreferKw(i),
                        stack.heldOnNetMask(i));
            }
        }
        return readAfter(start(() -> device.write(block)));
    }

    /** Enable 0: the units follow their own setpoints (the safe ones the cycle writes them). */
    CompletableFuture<?> startDisable() {
        return readAfter(start(device::disable));
    }

    private static CompletableFuture<Void> start(Supplier<CompletableFuture<Void>> write) {
        try {
            CompletableFuture<Void> f = write.get();
            return f != null
                    ? f
                    : CompletableFuture.failedFuture(new IllegalStateException("the driver returned no future"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the status read is for the API: its failure is no matter
    private CompletableFuture<Void> readAfter(CompletableFuture<Void> write) {
        write.thenRun(() -> {
            acknowledged.incrementAndGet();
            try {
                device.readStatus().thenAccept(s -> status = s);
            } catch (RuntimeException e) {
                // the next write reads again
            }
        });
        return write;
    }

    /** The layer that decided the controller's last command as it reported it; null before it did. */
    String binding() {
        PlantStatus s = status;
        if (s == null || s.bindingLayer() < 0 || !s.enabled()) {
            return null;
        }
        return s.bindingLayer() == 0 || s.bindingLayer() > layers.size()
                ? ControllerStack.PHYSICAL
                : layers.get(s.bindingLayer() - 1).name();
    }

    /** The controller's last command as it reported it, NaN before it did. */
    double commandKw() {
        PlantStatus s = status;
        return s == null || !s.enabled() ? Double.NaN : s.commandKw();
    }

    /**
     * For the API: the controller's own cycles; as commands, the blocks it acknowledged; no latency
     * (measured in the controller, not here).
     */
    FastLoopStatus status() {
        PlantStatus s = status;
        return new FastLoopStatus(
                fastPeriodMs,
                ControlChain.FastHost.DEVICE.type(),
                s == null ? 0 : Math.max(0, s.fastCycles()),
                acknowledged.get(),
                Double.NaN,
                Double.NaN,
                0,
                0,
                binding());
    }
}
