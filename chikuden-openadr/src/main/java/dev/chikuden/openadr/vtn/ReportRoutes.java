package dev.chikuden.openadr.vtn;

import dev.chikuden.openadr.model.Report;
import dev.chikuden.openadr.model.ReportRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * /reports: VENs write them, the VTN writes the writer's client id into each; a VEN reads only its
 * own, Business Logic reads all (Definition, "VEN created object privacy").
 */
final class ReportRoutes {
    private final Bodies bodies;
    private final VtnObjects objects;
    private final Clock clock;

    ReportRoutes(Bodies bodies, VtnObjects objects, Clock clock) {
        this.bodies = bodies;
        this.objects = objects;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/reports", this::search);
        routes.post("/reports", this::create);
    }

    private void search(Context ctx) {
        String eventId = ctx.queryParam("eventID");
        String clientName = ctx.queryParam("clientName");
        String programId = ctx.queryParam("programID");
        boolean ven = Caller.isVen(ctx);
        String clientId = Caller.of(ctx).clientId();
        List<Report> reports = objects.reports.all().stream()
                .filter(r -> !ven || clientId.equals(r.getClientID()))
                .filter(r -> eventId == null || eventId.equals(r.getEventID()))
                .filter(r -> clientName == null || clientName.equals(r.getClientName()))
                .filter(r -> programId == null || programOf(r).equals(programId))
                .toList();
        ctx.json(Caller.page(ctx, reports));
    }

    private String programOf(Report r) {
        return objects.events.has(r.getEventID())
                ? objects.events.get(r.getEventID()).getProgramID()
                : "";
    }

    private void create(Context ctx) {
        Caller.require(ctx, VtnClient.Role.VEN, "write_reports");
        ReportRequest request = bodies.read(ctx, ReportRequest.class);
        Checks.report(request);
        if (!objects.events.has(request.getEventID())) {
            throw VtnError.conflict("eventID " + request.getEventID() + " is no event of this VTN");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String id = objects.reports.newId();
        Report report = bodies.stamped(request, Report.class, id, now, now, "REPORT");
        report.setClientID(Caller.of(ctx).clientId());
        objects.reports.put(id, report);
        ctx.status(201).json(report);
    }
}
