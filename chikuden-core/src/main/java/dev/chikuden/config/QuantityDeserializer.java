package dev.chikuden.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import dev.chikuden.units.QuantityFormatException;
import java.io.IOException;

/**
 * The one deserializer of configuration numbers: a field marked {@link Quantity} is parsed from human
 * units and checked against its range, any other is a plain number. A problem is recorded with the
 * value's place (the file goes on being read) and the value returned as read.
 */
final class QuantityDeserializer extends StdScalarDeserializer<Double> implements ContextualDeserializer {
    private final Quantity quantity;

    /** @param type {@code double.class} or {@code Double.class}: an absent primitive reads as 0 */
    QuantityDeserializer(Class<?> type) {
        this(type, null);
    }

    private QuantityDeserializer(Class<?> type, Quantity quantity) {
        super(type);
        this.quantity = quantity;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        Quantity q = property == null ? null : property.getAnnotation(Quantity.class);
        return q == null ? this : new QuantityDeserializer(handledType(), q);
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        ConfigNode base = (ConfigNode) ctxt.getAttribute(ConfigNode.class);
        ConfigNode node = base == null ? null : base.below(p.getParsingContext().pathAsPointer());
        if (quantity == null) {
            double v = p.currentToken().isNumeric()
                    ? p.getDoubleValue()
                    : Double.parseDouble(p.getText().trim());
            if (node != null && !Dimension.NUMBER.isPhysical(v)) {
                node.problem("\"" + shortened(node.text()) + "\" is not a finite number of at most 1e12 in size");
                return 0.0;
            }
            return v;
        }
        try {
            double v = Quantities.parse(p.getText(), quantity.value());
            if (!quantity.value().isPhysical(v)) {
                node.problem("\"" + shortened(node.text()) + "\" is beyond any "
                        + quantity.value().article().replaceFirst("^an? ", "") + " (at most "
                        + fmt(quantity.value().physicalLimit()) + " "
                        + quantity.value().baseUnit()
                        + (quantity.value() == Dimension.TEMPERATURE ? " and not below absolute zero" : "")
                        + "); check the value and its unit");
                return 0.0;
            }
            String outside = outside(v, node.text());
            if (outside != null) {
                node.problem(outside);
            } else if (v < quantity.value().usualMin() || v > quantity.value().usualMax()) {
                node.note("\"" + shortened(node.text()) + "\" is outside the usual "
                        + fmt(quantity.value().usualMin()) + " .. "
                        + fmt(quantity.value().usualMax()) + " "
                        + quantity.value().baseUnit() + " of "
                        + quantity.value().article()
                        + " at a site; used as given, check the value and its unit");
            }
            return v;
        } catch (QuantityFormatException e) {
            node.problem(e.getMessage());
            return 0.0;
        }
    }

    @Override
    public Double getNullValue(DeserializationContext ctxt) {
        return handledType().isPrimitive() ? 0.0 : null;
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
        return getNullValue(ctxt);
    }

    /** Why {@code v} is out of range, or null when it is not. */
    private String outside(double v, String text) {
        double min = quantity.min();
        double max = quantity.max();
        if (quantity.aboveMin() ? v > min && v <= max : v >= min && v <= max) {
            return null;
        }
        if (quantity.value() == Dimension.FRACTION || max < Double.POSITIVE_INFINITY) {
            return "\"" + text + "\" is outside " + (quantity.aboveMin() ? "(" : "[") + fmt(min) + ", " + fmt(max)
                    + "]; " + quantity.meaning() + " is a fraction such as \"95 %\" or 0.95";
        }
        return "\"" + text + "\" must be " + (quantity.aboveMin() ? "greater than " + fmt(min) : fmt(min) + " or more");
    }

    /** A value's text for a message, cut short: a message never echoes a huge value. */
    static String shortened(String text) {
        return text == null || text.length() <= 40
                ? text
                : text.substring(0, 40) + "... (" + text.length() + " characters)";
    }

    private static String fmt(double v) {
        if (Math.abs(v) >= 1e6 && v == Math.rint(v)) {
            return String.format(java.util.Locale.ROOT, "%.0e", v)
                    .replace("e+0", "e")
                    .replace("e+", "e");
        }
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
