package dev.chikuden.openadr.vtn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chikuden.openadr.model.BlVenRequest;
import dev.chikuden.openadr.model.Ven;
import dev.chikuden.openadr.model.VenVenRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * /vens: a VEN creates its own (VEN_VEN_REQUEST, the VTN writes its client id) and reads only its
 * own; Business Logic creates one for a client id (BL_VEN_REQUEST) and reads all. venName is unique.
 */
final class VenRoutes {
    private final Bodies bodies;
    private final VtnObjects objects;
    private final Clock clock;

    VenRoutes(Bodies bodies, VtnObjects objects, Clock clock) {
        this.bodies = bodies;
        this.objects = objects;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/vens", this::search);
        routes.get("/vens/{venID}", this::one);
        routes.post("/vens", this::create);
    }

    private void search(Context ctx) {
        String venName = ctx.queryParam("venName");
        List<Ven> vens = visible(ctx).stream()
                .filter(v -> venName == null || venName.equals(v.getVenName()))
                .toList();
        ctx.json(Caller.page(ctx, vens));
    }

    private void one(Context ctx) {
        Ven ven = objects.vens.get(ctx.pathParam("venID"));
        if (!visible(ctx).contains(ven)) {
            throw VtnError.notFound("no ven " + ctx.pathParam("venID"));
        }
        ctx.json(ven);
    }

    private List<Ven> visible(Context ctx) {
        String clientId = Caller.of(ctx).clientId();
        return objects.vens.all().stream()
                .filter(v -> !Caller.isVen(ctx) || clientId.equals(v.getClientID()))
                .toList();
    }

    private void create(Context ctx) {
        JsonNode objectType = bodies.read(ctx, JsonNode.class).path("objectType");
        String venName;
        String clientId;
        Object request;
        if (Caller.isVen(ctx)) {
            if (!"VEN_VEN_REQUEST".equals(objectType.asText())) {
                throw VtnError.badRequest("a VEN creates a ven with objectType VEN_VEN_REQUEST, not " + objectType);
            }
            VenVenRequest r = bodies.read(ctx, VenVenRequest.class);
            venName = r.getVenName();
            clientId = Caller.of(ctx).clientId();
            request = r;
        } else {
            if (!"BL_VEN_REQUEST".equals(objectType.asText())) {
                throw VtnError.badRequest(
                        "Business Logic creates a ven with objectType BL_VEN_REQUEST, not " + objectType);
            }
            BlVenRequest r = bodies.read(ctx, BlVenRequest.class);
            Checks.name(r.getClientID(), "clientID");
            venName = r.getVenName();
            clientId = r.getClientID();
            request = r;
        }
        Checks.name(venName, "venName");
        synchronized (objects.vens) {
            if (objects.vens.all().stream().anyMatch(v -> venName.equals(v.getVenName()))) {
                throw VtnError.conflict("a ven named '" + venName + "' exists");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            String id = objects.vens.newId();
            // the ven schema's objectType is BL_VEN_REQUEST (allOf objectMetadata and BlVenRequest: the spec's enums
            // clash)
            Ven ven = bodies.stamped(request, Ven.class, id, now, now, "BL_VEN_REQUEST");
            ven.setClientID(clientId);
            objects.vens.put(id, ven);
            ctx.status(201).json(ven);
        }
    }
}
