package dev.chikuden.ems.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The live service's one JSON dialect, for every answer of the API, the stream and the audit log:
 * records as they are (component names are the field names), NaN and infinities (stale readings,
 * no limit) as null, enums in lower case with dashes ({@code running}, {@code seasonal-naive}),
 * paths as text, records without components (a manual layer's settings) as {@code {}}.
 */
final class ApiJson {
    private ApiJson() {}

    static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("chikuden-api");
        FiniteOrNull finite = new FiniteOrNull();
        module.addSerializer(Double.class, finite);
        module.addSerializer(Double.TYPE, finite);
        module.addSerializer(Enum.class, new LowerCase());
        module.addSerializer(Path.class, new StdSerializer<>(Path.class) {
            @Override
            public void serialize(Path path, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(path.toString());
            }
        });
        return new ObjectMapper()
                .registerModule(module)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
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

    /** {@code SEASONAL_NAIVE} as {@code seasonal-naive}: how the site file and the API write a choice. */
    @SuppressWarnings("rawtypes")
    private static final class LowerCase extends StdSerializer<Enum> {
        LowerCase() {
            super(Enum.class);
        }

        @Override
        public void serialize(Enum value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }
}
