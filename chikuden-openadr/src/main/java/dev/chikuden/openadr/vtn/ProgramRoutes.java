package dev.chikuden.openadr.vtn;

import dev.chikuden.openadr.model.Program;
import dev.chikuden.openadr.model.ProgramRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.OffsetDateTime;

/** /programs: Business Logic writes them, everyone reads them (targets are not implemented). */
final class ProgramRoutes {
    private final Bodies bodies;
    private final VtnObjects objects;
    private final Clock clock;

    ProgramRoutes(Bodies bodies, VtnObjects objects, Clock clock) {
        this.bodies = bodies;
        this.objects = objects;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/programs", ctx -> ctx.json(Caller.page(ctx, objects.programs.all())));
        routes.get("/programs/{programID}", ctx -> ctx.json(objects.programs.get(ctx.pathParam("programID"))));
        routes.post("/programs", this::create);
    }

    private void create(Context ctx) {
        Caller.require(ctx, VtnClient.Role.BUSINESS_LOGIC, "write_programs");
        ProgramRequest request = bodies.read(ctx, ProgramRequest.class);
        Checks.program(request);
        synchronized (objects.programs) {
            if (objects.programs.all().stream().anyMatch(p -> p.getProgramName().equals(request.getProgramName()))) {
                throw VtnError.conflict("a program named '" + request.getProgramName() + "' exists");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            String id = objects.programs.newId();
            Program program = bodies.stamped(request, Program.class, id, now, now, "PROGRAM");
            objects.programs.put(id, program);
            ctx.status(201).json(program);
        }
    }
}
