package dev.chikuden.ems.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class RegisterCodecPropertiesTest {
    /** A type, an exponent, and a raw integer the type may hold. */
    record Case(PointType type, int exponent, long raw) {}

    @Provide
    Arbitrary<Case> rawValues() {
        Arbitrary<PointType> types = Arbitraries.of(
                Arrays.stream(PointType.values()).filter(PointType::isInteger).toArray(PointType[]::new));
        return types.flatMap(t -> Combinators.combine(
                        Arbitraries.integers().between(-10, 10),
                        Arbitraries.longs().between(t.minRaw(), t.maxRaw()))
                .as((e, raw) -> new Case(t, e, raw)));
    }

    @Property
    void anyRawValueDecodesAndEncodesBackToItself(@ForAll("rawValues") Case c) {
        double value = RegisterCodec.decode(c.type(), c.exponent(), c.raw());
        assertThat(RegisterCodec.encode(c.type(), c.exponent(), value)).isEqualTo(c.raw());
    }

    @Property
    void anyValueInRangeComesBackWithinHalfAStep(
            @ForAll("rawValues") Case c, @ForAll @IntRange(min = -499, max = 499) int thousandths) {
        // a value between representable ones: raw + a fraction of a step
        double value = RegisterCodec.scale(c.raw() + thousandths / 1000.0, c.exponent());
        long encoded = RegisterCodec.encode(c.type(), c.exponent(), value);
        double back = RegisterCodec.decode(c.type(), c.exponent(), encoded);
        double step = RegisterCodec.scale(1, c.exponent());
        if (c.type() == PointType.ACC32 && (c.raw() == 0 && thousandths < 0)) {
            return; // below zero an accumulator wraps round
        }
        assertThat(Math.abs(back - value)).isLessThanOrEqualTo(0.5 * step * (1 + 1e-9) + Math.ulp(value));
    }

    @Property
    void rawValuesRoundTripThroughRegisters(@ForAll("rawValues") Case c) {
        short[] words = new short[3];
        RegisterCodec.writeRaw(c.type(), words, 1, c.raw());
        assertThat(RegisterCodec.readRaw(c.type(), words, 1)).isEqualTo(c.raw());
        assertThat(words[0]).isZero();
        if (c.type().registers() == 1) {
            assertThat(words[2]).isZero();
        }
    }

    @Property
    void valuesBeyondTheRangeSaturateAndNeverLookNotImplemented(
            @ForAll("rawValues") Case c, @ForAll @IntRange(min = 1, max = 1000) int beyond) {
        if (c.type() == PointType.ACC32) {
            return;
        }
        double high = RegisterCodec.scale(c.type().maxRaw() + (double) beyond, c.exponent());
        double low = RegisterCodec.scale(c.type().minRaw() - (double) beyond, c.exponent());
        assertThat(RegisterCodec.encode(c.type(), c.exponent(), high))
                .isEqualTo(c.type().maxRaw());
        assertThat(RegisterCodec.encode(c.type(), c.exponent(), low))
                .isEqualTo(c.type().minRaw())
                .isNotEqualTo(c.type().notImplemented());
    }

    @Property
    void anAccumulatorWrapsAt2To32(
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int k,
            @ForAll @IntRange(min = -3, max = 3) int exponent) {
        double value = RegisterCodec.scale((1L << 32) + (double) k, exponent);
        assertThat(RegisterCodec.encode(PointType.ACC32, exponent, value)).isEqualTo(k);
    }

    @Property
    void anyFloatRoundTrips(@ForAll float f) {
        if (Float.isNaN(f)) {
            return;
        }
        long raw = RegisterCodec.encode(PointType.FLOAT32, 0, f);
        short[] words = new short[2];
        RegisterCodec.writeRaw(PointType.FLOAT32, words, 0, raw);
        assertThat(RegisterCodec.decode(PointType.FLOAT32, 0, RegisterCodec.readRaw(PointType.FLOAT32, words, 0)))
                .isEqualTo((double) f);
    }

    @Property
    void asciiTextRoundTrips(@ForAll @IntRange(min = 1, max = 20) int registers, @ForAll("ascii") String text) {
        String fitting = text.length() > 2 * registers ? text.substring(0, 2 * registers) : text;
        short[] words = new short[registers];
        RegisterCodec.writeText(fitting, words, 0, registers);
        assertThat(RegisterCodec.readText(words, 0, registers)).isEqualTo(fitting);
    }

    @Provide
    Arbitrary<String> ascii() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40);
    }

    @Example
    void notImplementedReadsAsNaNAndNaNWritesNotImplemented() {
        for (PointType t : PointType.values()) {
            if (t.isInteger() && t != PointType.ACC32) {
                assertThat(RegisterCodec.decode(t, 0, t.notImplemented()))
                        .as(t.name())
                        .isNaN();
                assertThat(RegisterCodec.encode(t, 0, Double.NaN)).as(t.name()).isEqualTo(t.notImplemented());
            }
        }
        assertThat(RegisterCodec.decode(PointType.FLOAT32, 0, RegisterCodec.encode(PointType.FLOAT32, 0, Double.NaN)))
                .isNaN();
    }

    @Example
    void sunSpecExamples() {
        // SoC 57.31 % at SoC_SF = -2; WSet -5 kW as int32 W at WSet_SF = 0 (two's complement, high word first)
        assertThat(RegisterCodec.encode(PointType.UINT16, -2, 57.31)).isEqualTo(5731);
        short[] words = new short[2];
        RegisterCodec.writeRaw(PointType.INT32, words, 0, RegisterCodec.encode(PointType.INT32, 0, -5000));
        assertThat(words[0] & 0xFFFF).isEqualTo(0xFFFF);
        assertThat(words[1] & 0xFFFF).isEqualTo(0xEC78);
    }
}
