package dev.chikuden.openadr;

import dev.chikuden.BadInputException;
import dev.chikuden.openadr.model.EventPayloadDescriptor;
import java.math.BigDecimal;

/** The event payload types this VEN acts on, each with the rule that makes its instruction. */
enum PayloadType {
    IMPORT_CAPACITY_LIMIT {
        @Override
        Instruction instruction(EventInterval at, Object value, EventPayloadDescriptor d) {
            return new Instruction.ImportCapacityLimit(at, Units.kw(atLeastZero(value), units(d), name()));
        }
    },
    EXPORT_CAPACITY_LIMIT {
        @Override
        Instruction instruction(EventInterval at, Object value, EventPayloadDescriptor d) {
            return new Instruction.ExportCapacityLimit(at, Units.kw(atLeastZero(value), units(d), name()));
        }
    },
    DISPATCH_SETPOINT {
        @Override
        Instruction instruction(EventInterval at, Object value, EventPayloadDescriptor d) {
            return new Instruction.DispatchSetpoint(at, Units.kw(number(value), units(d), name()));
        }
    },
    PRICE {
        @Override
        Instruction instruction(EventInterval at, Object value, EventPayloadDescriptor d) {
            double perKwh = Units.perKwh(number(value), units(d), name());
            if (d.getCurrency() == null || d.getCurrency().isBlank()) {
                throw new BadInputException("the payloadDescriptor of PRICE gives no currency (ISO 4217, e.g. JPY)");
            }
            return new Instruction.Price(at, perKwh, d.getCurrency());
        }
    },
    SIMPLE {
        @Override
        Instruction instruction(EventInterval at, Object value, EventPayloadDescriptor d) {
            double level = number(value);
            if (level != Math.rint(level) || level < 0 || level > 3) {
                throw new BadInputException("SIMPLE level " + value + " is not one of 0, 1, 2, 3");
            }
            return new Instruction.Simple(at, (int) level);
        }
    };

    abstract Instruction instruction(EventInterval at, Object value, EventPayloadDescriptor descriptor);

    /** The handled type of that name, or null. */
    static PayloadType of(String type) {
        for (PayloadType t : values()) {
            if (t.name().equals(type)) {
                return t;
            }
        }
        return null;
    }

    private static String units(EventPayloadDescriptor d) {
        return d == null ? null : d.getUnits();
    }

    private static double number(Object value) {
        if (value instanceof BigDecimal b) {
            return b.doubleValue();
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new BadInputException("value '" + value + "' is not a number");
    }

    private static double atLeastZero(Object value) {
        double v = number(value);
        if (v < 0) {
            throw new BadInputException("value " + value + " is negative; a capacity limit is at least 0");
        }
        return v;
    }
}
