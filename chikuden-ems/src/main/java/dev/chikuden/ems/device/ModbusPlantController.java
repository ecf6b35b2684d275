package dev.chikuden.ems.device;

import dev.chikuden.ems.modbus.DeviceMap;
import dev.chikuden.ems.modbus.Point;
import dev.chikuden.ems.modbus.RegisterImage;
import dev.chikuden.ems.modbus.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A plant controller over Modbus TCP, its points where the register map puts them (the built-in
 * map: vendor model 64110). A write sends the held requests and the supervised net load first (one
 * request for the built-in map), then the ramp limit (NaN: the converters' own), then enable and
 * heartbeat, so the controller is never enabled by a write whose held requests have not arrived.
 */
final class ModbusPlantController extends ModbusDevice implements PlantControllerDevice {
    private final Point enable;
    private final Point heartbeat;
    private final Point rampLimit;
    private final Point supervisedNet;
    private final Point command;
    private final Point binding;
    private final Point cycles;
    private final List<Point> atLeast;
    private final List<Point> atMost;
    private final List<Point> prefer;
    private final List<Point> onNet;
    private final int layers;
    private final List<Point> held = new ArrayList<>();
    private final List<Point> header = new ArrayList<>();

    ModbusPlantController(String name, ModbusConnection connection, int unitId, DeviceMap map, Runnable onClose) {
        super(
                name,
                connection,
                unitId,
                map,
                Arrays.asList(
                        map.point(Role.PLANT_ENABLE),
                        map.point(Role.PLANT_COMMAND),
                        map.point(Role.BINDING_LAYER),
                        map.point(Role.FAST_CYCLES)),
                onClose);
        enable = map.point(Role.PLANT_ENABLE);
        heartbeat = map.point(Role.HEARTBEAT);
        rampLimit = map.point(Role.RAMP_LIMIT);
        supervisedNet = map.point(Role.SUPERVISED_NET);
        command = map.point(Role.PLANT_COMMAND);
        binding = map.point(Role.BINDING_LAYER);
        cycles = map.point(Role.FAST_CYCLES);
        atLeast = map.points(Role.HELD_AT_LEAST);
        atMost = map.points(Role.HELD_AT_MOST);
        prefer = map.points(Role.HELD_PREFER);
        onNet = map.points(Role.HELD_ON_NET);
        layers = Math.min(atLeast.size(), Math.min(atMost.size(), prefer.size()));
        for (List<Point> ps : List.of(atLeast, atMost, prefer, onNet)) {
            held.addAll(ps.subList(0, Math.min(layers, ps.size())));
        }
        if (supervisedNet != null) {
            held.add(supervisedNet);
        }
        header.add(enable);
        header.add(heartbeat);
    }

    @Override
    public int layers() {
        return layers;
    }

    @Override
    public CompletableFuture<Void> write(PlantBlock block) {
        if (block.layers() > layers) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "the stack has " + block.layers() + " layers, the plant controller's registers hold " + layers));
        }
        return registers.imageForWrite().thenCompose(image -> {
            for (int i = 0; i < layers; i++) {
                boolean given = i < block.layers();
                image.set(atLeast.get(i), given ? block.atLeastKw(i) : Double.NaN);
                image.set(atMost.get(i), given ? block.atMostKw(i) : Double.NaN);
                image.set(prefer.get(i), given ? block.preferKw(i) : Double.NaN);
                if (i < onNet.size()) {
                    image.setRaw(onNet.get(i), given ? block.onNetMask(i) : 0);
                }
            }
            if (supervisedNet != null) {
                image.set(supervisedNet, block.supervisedNetKw());
            }
            image.setRaw(enable, block.enabled() ? 1 : 0);
            image.setRaw(heartbeat, block.heartbeat() & 0xFFFF);
            CompletableFuture<Void> w = registers.write(image, held);
            if (rampLimit != null) {
                image.set(rampLimit, Double.NaN);
                w = w.thenCompose(v -> registers.write(image, List.of(rampLimit)));
            }
            return w.thenCompose(v -> registers.write(image, header));
        });
    }

    @Override
    public CompletableFuture<Void> disable() {
        return registers.imageForWrite().thenCompose(image -> {
            image.setRaw(enable, 0);
            return registers.write(image, List.of(enable));
        });
    }

    @Override
    public CompletableFuture<PlantStatus> readStatus() {
        return registers.read().thenApply(this::status);
    }

    private PlantStatus status(RegisterImage r) {
        return new PlantStatus(
                r.raw(enable) == 1,
                valueOrNaN(r, command),
                binding == null ? -1 : (int) r.raw(binding),
                cycles == null ? -1 : r.raw(cycles));
    }
}
