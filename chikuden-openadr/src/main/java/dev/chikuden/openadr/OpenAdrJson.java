package dev.chikuden.openadr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The one Jackson configuration for OpenADR bodies, on both sides. Lenient where the specification's
 * own examples are: a start of {@code "0001-01-01"} (a date) or {@code "0001-01-01T00:00:00"} (no
 * offset) is read as UTC; unknown properties are ignored (the Definition lets a VTN add fields); an
 * enum value the generated model does not know reads as null (the spec's {@code ven} schema gives
 * {@code objectType} two contradicting enums, VEN and BL_VEN_REQUEST).
 */
public final class OpenAdrJson {
    private OpenAdrJson() {}

    /** A new mapper; writes RFC 3339 date-times and leaves null fields out. */
    public static ObjectMapper mapper() {
        SimpleModule lenientDates =
                new SimpleModule("openadr-dates").addDeserializer(OffsetDateTime.class, new Dates());
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(lenientDates)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
    }

    /** RFC 3339 date-times, and the dates and offset-less date-times the User Guide uses for "now". */
    private static final class Dates extends StdDeserializer<OffsetDateTime> {
        private static final long serialVersionUID = 1L;

        Dates() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
            }
            String t = text.trim();
            try {
                if (t.length() == 10) {
                    return LocalDate.parse(t).atStartOfDay().atOffset(ZoneOffset.UTC);
                }
                try {
                    return OffsetDateTime.parse(t);
                } catch (DateTimeParseException noOffset) {
                    return LocalDateTime.parse(t).atOffset(ZoneOffset.UTC);
                }
            } catch (DateTimeParseException e) {
                return (OffsetDateTime) ctxt.handleWeirdStringValue(
                        OffsetDateTime.class, text, "not an RFC 3339 date-time (e.g. 2026-12-07T09:30:00Z)");
            }
        }
    }
}
