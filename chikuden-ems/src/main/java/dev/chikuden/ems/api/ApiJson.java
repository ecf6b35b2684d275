package dev.chikuden.ems.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.chikuden.ems.cycle.EmsState;
import java.io.IOException;

/** The API's JSON dialect: NaN and infinities (stale readings) as null, states in lower case. */
final class ApiJson {
    private ApiJson() {
    }

    static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("chikuden-api");
        FiniteOrNull finite = new FiniteOrNull();
        module.addSerializer(Double.class, finite);
        module.addSerializer(Double.TYPE, finite);
        module.addSerializer(EmsState.class, new StdSerializer<>(EmsState.class) {
            @Override
            public void serialize(EmsState state, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(state.json());
            }
        });
        return new ObjectMapper().registerModule(module)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** JSON has no NaN: a reading that is missing is written as null, never as the last good value. */
    private static final class FiniteOrNull extends StdSerializer<Double> {
        FiniteOrNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            double v = value;
            if (Double.isFinite(v)) {
                gen.writeNumber(v);
            } else {
                gen.writeNull();
            }
        }
    }
}
