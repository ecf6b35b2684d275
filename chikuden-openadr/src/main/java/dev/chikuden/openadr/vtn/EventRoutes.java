package dev.chikuden.openadr.vtn;

import dev.chikuden.openadr.model.Event;
import dev.chikuden.openadr.model.EventRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** /events: Business Logic writes them, everyone reads them, filtered by programID. */
final class EventRoutes {
    private final Bodies bodies;
    private final VtnObjects objects;
    private final Clock clock;

    EventRoutes(Bodies bodies, VtnObjects objects, Clock clock) {
        this.bodies = bodies;
        this.objects = objects;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/events", this::search);
        routes.get("/events/{eventID}", ctx -> ctx.json(objects.events.get(ctx.pathParam("eventID"))));
        routes.post("/events", this::create);
        routes.put("/events/{eventID}", this::update);
        routes.delete("/events/{eventID}", this::delete);
    }

    private void search(Context ctx) {
        String programId = ctx.queryParam("programID");
        List<Event> events = objects.events.all().stream()
                .filter(e -> programId == null || programId.equals(e.getProgramID()))
                .toList();
        ctx.json(Caller.page(ctx, events));
    }

    private void create(Context ctx) {
        Caller.require(ctx, VtnClient.Role.BUSINESS_LOGIC, "write_events");
        EventRequest request = checked(ctx);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String id = objects.events.newId();
        Event event = bodies.stamped(request, Event.class, id, now, now, "EVENT");
        objects.events.put(id, event);
        ctx.status(201).json(event);
    }

    private void update(Context ctx) {
        Caller.require(ctx, VtnClient.Role.BUSINESS_LOGIC, "write_events");
        Event was = objects.events.get(ctx.pathParam("eventID"));
        EventRequest request = checked(ctx);
        Event event = bodies.stamped(
                request, Event.class, was.getId(), was.getCreatedDateTime(), OffsetDateTime.now(clock), "EVENT");
        objects.events.put(was.getId(), event);
        ctx.json(event);
    }

    private void delete(Context ctx) {
        Caller.require(ctx, VtnClient.Role.BUSINESS_LOGIC, "write_events");
        ctx.json(objects.events.remove(ctx.pathParam("eventID")));
    }

    private EventRequest checked(Context ctx) {
        EventRequest request = bodies.read(ctx, EventRequest.class);
        Checks.event(request);
        if (!objects.programs.has(request.getProgramID())) {
            throw VtnError.conflict("programID " + request.getProgramID() + " is no program of this VTN");
        }
        return request;
    }
}
