package dev.chikuden.openadr.vtn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.OffsetDateTime;

/**
 * Request bodies read into the generated models, and the VTN's objects made from them. Bodies are
 * read strictly (a property the schema does not have is refused, so a client's typo shows), then
 * {@link Checks} looks at what Jackson does not: required fields and their bounds.
 */
final class Bodies {
    private final ObjectMapper json;
    private final ObjectMapper strict;

    Bodies(ObjectMapper json) {
        this.json = json;
        this.strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    ObjectMapper json() {
        return json;
    }

    <T> T read(Context ctx, Class<T> type) {
        try {
            T body = strict.readValue(ctx.body(), type);
            if (body == null) {
                throw VtnError.badRequest("the body is empty; a " + type.getSimpleName() + " is expected");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw VtnError.badRequest("the body is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage()
                    + " (at " + e.getLocation() + ")");
        }
    }

    /** The object the VTN keeps: the request's fields and the metadata the VTN writes (schema objectMetadata). */
    <T> T stamped(
            Object request,
            Class<T> type,
            String id,
            OffsetDateTime created,
            OffsetDateTime modified,
            String objectType) {
        ObjectNode node = json.valueToTree(request);
        node.put("id", id);
        node.put("createdDateTime", created.toString());
        node.put("modificationDateTime", modified.toString());
        node.put("objectType", objectType);
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "a " + type.getSimpleName() + " made from its request does not read back", e);
        }
    }
}
