package dev.chikuden.ems.twin;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The simulator's holding registers over Modbus, answered as the MODBUS Application Protocol
 * Specification V1.1b3 has a server answer: function 03 reads any register a device's map covers,
 * 06 and 16 write its writable points only. Every access holds the simulator's lock, so a read never
 * sees half a tick.
 *
 * <p>The checks run in the specification's order (its figures 15, 18 and 24): the unit (0B, as a
 * gateway answers for a device behind it that does not exist), the function (01), the quantity and
 * the implied length (03), then the address (02).
 */
final class TwinServices {
    static final int READ_HOLDING_REGISTERS = 0x03;
    static final int WRITE_SINGLE_REGISTER = 0x06;
    static final int WRITE_MULTIPLE_REGISTERS = 0x10;

    static final int ILLEGAL_FUNCTION = 0x01;
    static final int ILLEGAL_DATA_ADDRESS = 0x02;
    static final int ILLEGAL_DATA_VALUE = 0x03;
    static final int GATEWAY_TARGET_FAILED = 0x0B;

    /** The most registers one read may ask for (0x007D) and one write may carry (0x007B). */
    static final int MAX_READ = 125;

    static final int MAX_WRITE = 123;

    /**
     * A response PDU and, when the request's own bytes were inconsistent (its length does not fit its
     * function), what was wrong with them, for the log; null for a well-formed request.
     */
    record Answer(byte[] pdu, String malformed) {
        static Answer exception(int function, int code) {
            return new Answer(new byte[] {(byte) (function | 0x80), (byte) code}, null);
        }

        /** Exception 03, which the specification gives for a request whose implied length is wrong. */
        static Answer badLength(int function, String problem) {
            return new Answer(exception(function, ILLEGAL_DATA_VALUE).pdu, problem);
        }
    }

    private final Object lock;
    private final TwinDevice[] units = new TwinDevice[256];
    private final LongSupplier simulatedMs;

    TwinServices(Object lock, Iterable<? extends TwinDevice> devices, LongSupplier simulatedMs) {
        this.lock = lock;
        this.simulatedMs = simulatedMs;
        for (TwinDevice d : devices) {
            units[d.unitId] = d;
        }
    }

    /** @param pdu the request PDU: a function code and its data, at least one byte */
    Answer answer(int unitId, byte[] pdu) {
        int function = pdu[0] & 0xFF;
        TwinDevice d = units[unitId & 0xFF];
        if (d == null) {
            return Answer.exception(function, GATEWAY_TARGET_FAILED);
        }
        return switch (function) {
            case READ_HOLDING_REGISTERS -> read(d, pdu);
            case WRITE_SINGLE_REGISTER -> writeSingle(d, pdu);
            case WRITE_MULTIPLE_REGISTERS -> writeMultiple(d, pdu);
            default -> Answer.exception(function, ILLEGAL_FUNCTION);
        };
    }

    private Answer read(TwinDevice d, byte[] pdu) {
        if (pdu.length != 5) {
            return Answer.badLength(READ_HOLDING_REGISTERS, lengthProblem(pdu, 5));
        }
        int address = u16(pdu, 1);
        int quantity = u16(pdu, 3);
        if (quantity < 1 || quantity > MAX_READ) {
            return Answer.exception(READ_HOLDING_REGISTERS, ILLEGAL_DATA_VALUE);
        }
        synchronized (lock) {
            if (!d.image.covers(address, quantity)) {
                return Answer.exception(READ_HOLDING_REGISTERS, ILLEGAL_DATA_ADDRESS);
            }
            byte[] values = d.image.bytes(address, quantity);
            byte[] out = new byte[2 + values.length];
            out[0] = READ_HOLDING_REGISTERS;
            out[1] = (byte) values.length;
            System.arraycopy(values, 0, out, 2, values.length);
            return new Answer(out, null);
        }
    }

    private Answer writeSingle(TwinDevice d, byte[] pdu) {
        if (pdu.length != 5) {
            return Answer.badLength(WRITE_SINGLE_REGISTER, lengthProblem(pdu, 5));
        }
        int address = u16(pdu, 1);
        byte[] value = {pdu[3], pdu[4]};
        if (!write(d, address, value)) {
            return Answer.exception(WRITE_SINGLE_REGISTER, ILLEGAL_DATA_ADDRESS);
        }
        return new Answer(pdu.clone(), null); // the echo of the request
    }

    private Answer writeMultiple(TwinDevice d, byte[] pdu) {
        if (pdu.length < 6 || pdu.length != 6 + (pdu[5] & 0xFF)) {
            String problem = pdu.length < 6
                    ? lengthProblem(pdu, 6)
                    : "function 16 with a byte count of " + (pdu[5] & 0xFF) + " carries " + (pdu.length - 6)
                            + " bytes of values";
            return Answer.badLength(WRITE_MULTIPLE_REGISTERS, problem);
        }
        int address = u16(pdu, 1);
        int quantity = u16(pdu, 3);
        if (quantity < 1 || quantity > MAX_WRITE || (pdu[5] & 0xFF) != 2 * quantity) {
            return Answer.exception(WRITE_MULTIPLE_REGISTERS, ILLEGAL_DATA_VALUE);
        }
        byte[] values = Arrays.copyOfRange(pdu, 6, pdu.length);
        if (!write(d, address, values)) {
            return Answer.exception(WRITE_MULTIPLE_REGISTERS, ILLEGAL_DATA_ADDRESS);
        }
        return new Answer(Arrays.copyOf(pdu, 5), null); // function, address, quantity
    }

    /** False, writing nothing, unless every register of the range belongs to a writable point. */
    private boolean write(TwinDevice d, int address, byte[] values) {
        int count = values.length / 2;
        synchronized (lock) {
            if (!d.writable(address, count)) {
                return false;
            }
            d.image.putBytes(address, values);
            d.written(address, count, simulatedMs.getAsLong());
            return true;
        }
    }

    private static String lengthProblem(byte[] pdu, int expected) {
        return "function " + (pdu[0] & 0xFF) + " takes a " + expected + "-byte PDU, the frame has " + pdu.length;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }
}
