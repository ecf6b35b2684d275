package dev.chikuden.ems.modbus;

import java.util.List;

/**
 * A run of registers: a SunSpec model (its id and length in the first two registers, the points
 * after them) or a plain vendor block.
 *
 * @param name    for people
 * @param modelId the SunSpec model id, or -1 for a plain block without the two-register header
 * @param start   its first register
 * @param length  registers after the header (SunSpec's {@code L}); a plain block's whole size
 * @param points  its points, in address order
 */
public record Block(String name, int modelId, int start, int length, List<Point> points) {
    public static final int END_MODEL = 0xFFFF;

    public boolean isModel() {
        return modelId >= 0;
    }

    /** The first register after the header. */
    public int bodyStart() {
        return isModel() ? start + 2 : start;
    }

    /** One past its last register. */
    public int end() {
        return bodyStart() + length;
    }
}
