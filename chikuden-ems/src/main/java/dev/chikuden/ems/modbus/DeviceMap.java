package dev.chikuden.ems.modbus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The registers of one kind of device: its blocks in address order and its points by role. Blocks
 * that follow one another without a gap form a region; a read may span a region, never a gap
 * (a real device may refuse an address no block covers).
 */
public final class DeviceMap {
    private final DeviceKind kind;
    private final List<Block> blocks;
    private final List<Point> points = new ArrayList<>();
    private final Map<Role, Point> byRole = new EnumMap<>(Role.class);
    private final Map<Role, List<Point>> indexed = new EnumMap<>(Role.class);
    private final List<int[]> regions = new ArrayList<>();

    public DeviceMap(DeviceKind kind, List<Block> blocks) {
        this.kind = kind;
        this.blocks = List.copyOf(blocks);
        for (Block b : blocks) {
            for (Point p : b.points()) {
                points.add(p);
                if (p.role() != null) {
                    byRole.putIfAbsent(p.role(), p);
                    indexed.computeIfAbsent(p.role(), r -> new ArrayList<>()).add(p);
                }
            }
            int[] last = regions.isEmpty() ? null : regions.get(regions.size() - 1);
            if (last != null && last[1] == b.start()) {
                last[1] = b.end();
            } else {
                regions.add(new int[] {b.start(), b.end()});
            }
        }
    }

    public DeviceKind kind() {
        return kind;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public List<Point> points() {
        return points;
    }

    /** The points of an {@link Role#indexed() indexed} role, index by index (empty when none). */
    public List<Point> points(Role role) {
        return indexed.getOrDefault(role, List.of());
    }

    /** The point of {@code role} (the first of an indexed one), or null when the map has none. */
    public Point point(Role role) {
        return byRole.get(role);
    }

    /** The first register of the first block. */
    public int firstAddress() {
        return blocks.get(0).start();
    }

    /** One past the last register of the last block. */
    public int endAddress() {
        return blocks.get(blocks.size() - 1).end();
    }

    /** The region holding {@code address}: {start, end}, or null. */
    int[] regionOf(int address) {
        for (int[] r : regions) {
            if (address >= r[0] && address < r[1]) {
                return r;
            }
        }
        return null;
    }
}
