package dev.chikuden.ems.twin;

import dev.chikuden.ems.modbus.DeviceMap;
import dev.chikuden.ems.modbus.Point;
import dev.chikuden.ems.modbus.RegisterImage;

/** A simulated device as the Modbus server sees it: its registers, and what a write means to it. */
abstract class TwinDevice {
    final String name;
    final int unitId;
    final DeviceMap map;
    final RegisterImage image;
    private final boolean[] writable;

    TwinDevice(String name, int unitId, DeviceMap map) {
        this.name = name;
        this.unitId = unitId;
        this.map = map;
        this.image = RegisterImage.of(map);
        this.writable = new boolean[image.end() - image.base()];
        for (Point p : map.points()) {
            for (int a = p.address(); a < p.end() && p.writable(); a++) {
                writable[a - image.base()] = true;
            }
        }
    }

    /** True when every register of the range belongs to a writable point. */
    boolean writable(int address, int count) {
        if (!image.covers(address, count)) {
            return false;
        }
        for (int a = address; a < address + count; a++) {
            if (!writable[a - image.base()]) {
                return false;
            }
        }
        return true;
    }

    /** Registers {@code address .. address + count - 1} were just written, at simulated time {@code nowMs}. */
    abstract void written(int address, int count, long nowMs);
}
