package dev.chikuden.ems.device;

import dev.chikuden.ems.modbus.DeviceMap;
import dev.chikuden.ems.modbus.Point;
import dev.chikuden.ems.modbus.ReadPlan;
import dev.chikuden.ems.modbus.RegisterImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One device's registers, at its Modbus unit id on a shared connection. Reads the points a driver
 * needs: the points read once (scale factors, ratings) after each new connection, the others in as
 * few requests as the map allows (one for the built-in map), all issued at once; writes setpoints.
 */
final class DeviceRegisters {
    private final ModbusConnection connection;
    private final int unitId;
    private final DeviceMap map;
    private final List<Point> once;
    private final List<ReadPlan.Span> onceSpans;
    private final List<ReadPlan.Span> cycleSpans;
    private volatile Statics statics;

    /** What was read once, and on which connection. */
    private record Statics(long generation, RegisterImage image) {}

    DeviceRegisters(ModbusConnection connection, int unitId, DeviceMap map, Collection<Point> needed) {
        this.connection = connection;
        this.unitId = unitId;
        this.map = map;
        Set<Point> once = new LinkedHashSet<>();
        Set<Point> cycle = new LinkedHashSet<>();
        for (Point p : needed) {
            (p.readOnce() ? once : cycle).add(p);
            if (p.scaleFactor() != null) {
                once.add(p.scaleFactor());
            }
        }
        this.once = List.copyOf(once);
        this.onceSpans = ReadPlan.of(map, once);
        this.cycleSpans = ReadPlan.of(map, cycle);
    }

    int unitId() {
        return unitId;
    }

    String address() {
        return connection.address() + " unit " + unitId;
    }

    /** Read requests a reading takes once the points read once are known. */
    int requestsPerRead() {
        return cycleSpans.size();
    }

    /** The needed points, freshly read (and those read once, from this connection). */
    CompletableFuture<RegisterImage> read() {
        return statics().thenCompose(s -> fetch(cycleSpans).thenApply(image -> withOnce(s, image)));
    }

    /** The image holding the points read once, read again when the connection is new. */
    CompletableFuture<RegisterImage> statics() {
        Statics s = statics;
        long generation = connection.generation();
        if (s != null && s.generation == generation) {
            return CompletableFuture.completedFuture(s.image);
        }
        return fetch(onceSpans).thenApply(image -> {
            // the generation seen before reading: a reconnect meanwhile makes the next call read again
            statics = new Statics(generation, image);
            return image;
        });
    }

    /**
     * Writes {@code points} from {@code image} (encoded there by the caller), one request per run of
     * adjacent registers, in address order (a run is applied by the device as one).
     */
    CompletableFuture<Void> write(RegisterImage image, List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingInt(Point::address));
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        int i = 0;
        while (i < sorted.size()) {
            int start = sorted.get(i).address();
            int end = sorted.get(i).end();
            while (i + 1 < sorted.size() && sorted.get(i + 1).address() == end) {
                end = sorted.get(++i).end();
            }
            i++;
            byte[] bytes = image.bytes(start, end - start);
            int first = start;
            chain = chain.thenCompose(v -> connection.writeRegisters(unitId, first, bytes));
        }
        return chain;
    }

    /** A fresh image for encoding writes: the scale factors as this connection read them. */
    CompletableFuture<RegisterImage> imageForWrite() {
        return statics().thenApply(s -> withOnce(s, blank()));
    }

    /** {@code image} with the points read once copied in (only those: the rest of their reads is stale). */
    private RegisterImage withOnce(RegisterImage statics, RegisterImage image) {
        for (Point p : once) {
            image.copy(statics, p.address(), p.size());
        }
        return image;
    }

    private CompletableFuture<RegisterImage> fetch(List<ReadPlan.Span> spans) {
        RegisterImage image = blank();
        CompletableFuture<?>[] reads = new CompletableFuture<?>[spans.size()];
        for (int i = 0; i < reads.length; i++) {
            ReadPlan.Span span = spans.get(i);
            reads[i] = connection
                    .readHolding(unitId, span.start(), span.count())
                    .thenAccept(bytes -> {
                        synchronized (image) {
                            image.putBytes(span.start(), bytes);
                        }
                    });
        }
        return CompletableFuture.allOf(reads).thenApply(v -> {
            synchronized (image) {
                return image;
            }
        });
    }

    private RegisterImage blank() {
        return new RegisterImage(map.firstAddress(), map.endAddress() - map.firstAddress());
    }
}
