package dev.chikuden.openadr;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.openadr.model.Event;
import dev.chikuden.openadr.model.EventPayloadDescriptor;
import dev.chikuden.openadr.model.Interval;
import dev.chikuden.openadr.model.IntervalPeriod;
import dev.chikuden.openadr.model.Program;
import dev.chikuden.openadr.model.ProgramRequestPayloadDescriptorsInner;
import dev.chikuden.openadr.model.Report;
import dev.chikuden.openadr.model.ReportPayloadDescriptor;
import dev.chikuden.openadr.model.ReportRequest;
import dev.chikuden.openadr.model.ReportRequestResourcesInner;
import dev.chikuden.openadr.model.ValuesMap;
import dev.chikuden.openadr.model.ValuesMapValuesInner;
import dev.chikuden.openadr.model.VenVenRequest;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenADR 3.1 VEN. {@link #start} registers the VEN (finds its ven object by venName, or creates
 * it), then every poll period reads the configured programs and their events and hands the listener
 * the full {@link InstructionSet} whenever it differs from the last one: the listener replaces what
 * it holds, so a modified event arrives as its new instructions and a deleted one as their absence.
 *
 * <p>A failed poll (VTN unreachable, an error answer) keeps the last set, marks {@link #status} not
 * ok and is retried after 1, 2, 4, 8, then every 10 poll periods; nothing is thrown from the polling
 * thread, and a listener that throws is logged and called again on the next change.
 */
public final class Ven implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ven.class);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    private static final int BACKOFF_CAP_PERIODS = 10;

    private final VenConfig config;
    private final Consumer<InstructionSet> listener;
    private final Clock clock;
    private final ObjectMapper json = OpenAdrJson.mapper();
    private final VtnHttp vtn;
    private final ScheduledExecutorService poller;
    private volatile VenStatus status = VenStatus.NOT_STARTED;
    private volatile InstructionSet current = InstructionSet.EMPTY;
    private volatile String venId;

    public Ven(VenConfig config, Consumer<InstructionSet> listener) {
        this(config, listener, Clock.systemUTC());
    }

    Ven(VenConfig config, Consumer<InstructionSet> listener, Clock clock) {
        this.config = config;
        this.listener = listener;
        this.clock = clock;
        HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
        this.vtn = new VtnHttp(
                http, json, new TokenSource(http, json, clock, config, HTTP_TIMEOUT), config.vtnUrl(), HTTP_TIMEOUT);
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chikuden-openadr-ven-" + config.venName());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Polls once now, then every poll period. Throws {@link CredentialsRefusedException} if the token
     * endpoint refuses the client id and secret; an unreachable VTN is not an error here (the VEN
     * keeps trying, see {@link #status}).
     */
    public Ven start() {
        Optional<RuntimeException> first = poll();
        if (first.isPresent() && first.get() instanceof CredentialsRefusedException refused) {
            close();
            throw refused;
        }
        schedule();
        return this;
    }

    /** The instructions of the last good poll (empty before the first). */
    public InstructionSet current() {
        return current;
    }

    public VenStatus status() {
        return status;
    }

    /** Whether the last poll reached the VTN and read everything it needed. */
    public boolean lastPollOk() {
        return status.lastPollOk();
    }

    /**
     * Posts a report for an event, as this VEN ({@code clientName} = venName), and answers the VTN's
     * id of it. Synchronous, on the caller's thread; an unreachable VTN or an error answer throws
     * {@link OpenAdrException} and the caller decides whether to try again.
     */
    public String report(VenReport report) {
        return vtn.post("/reports", reportRequest(report), Report.class).getId();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }

    private void schedule() {
        int failures = status.consecutiveFailures();
        long periods = failures == 0 ? 1 : Math.min(1L << Math.min(failures - 1, 10), BACKOFF_CAP_PERIODS);
        try {
            Future<?> unused = poller.schedule(
                    () -> {
                        poll();
                        schedule();
                    },
                    config.pollPeriod().toNanos() * periods,
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            // close() was called: no more polls
        }
    }

    /** One poll; its failure, if any, is returned (and recorded in the status), never thrown. */
    private Optional<RuntimeException> poll() {
        try {
            register();
            Map<String, Program> programs = programs();
            List<String> missing = config.programNames().stream()
                    .filter(n -> !programs.containsKey(n))
                    .toList();
            InstructionSet set = instructions(programs.values());
            status = new VenStatus(
                    true, Optional.of(clock.instant()), Optional.empty(), 0, Optional.ofNullable(venId), missing);
            deliver(set);
            return Optional.empty();
        } catch (RuntimeException e) {
            VenStatus was = status;
            status = new VenStatus(
                    false,
                    was.lastSuccess(),
                    Optional.of(e.getMessage() != null ? e.getMessage() : e.toString()),
                    was.consecutiveFailures() + 1,
                    was.venId(),
                    was.missingPrograms());
            if (was.lastPollOk() || was.consecutiveFailures() == 0) {
                LOG.warn(
                        "OpenADR poll failed, keeping the last {} instructions: {}",
                        current.instructions().size(),
                        e.getMessage());
            }
            return Optional.of(e);
        }
    }

    private void deliver(InstructionSet set) {
        if (set.equals(current)) {
            return;
        }
        current = set;
        try {
            listener.accept(set);
        } catch (RuntimeException e) {
            LOG.error("the OpenADR instruction listener failed", e);
        }
    }

    private void register() {
        if (venId != null) {
            return;
        }
        List<dev.chikuden.openadr.model.Ven> found =
                vtn.getAll("/vens", Map.of("venName", config.venName()), dev.chikuden.openadr.model.Ven.class);
        for (dev.chikuden.openadr.model.Ven v : found) {
            if (config.venName().equals(v.getVenName())) {
                venId = v.getId();
                return;
            }
        }
        VenVenRequest request = new VenVenRequest()
                .objectType(VenVenRequest.ObjectTypeEnum.VEN_VEN_REQUEST)
                .venName(config.venName());
        venId = vtn.post("/vens", request, dev.chikuden.openadr.model.Ven.class).getId();
        LOG.info("registered VEN '{}' at {} as ven {}", config.venName(), config.vtnUrl(), venId);
    }

    private Map<String, Program> programs() {
        Map<String, Program> byName = new HashMap<>();
        for (Program p : vtn.getAll("/programs", Map.of(), Program.class)) {
            if (config.programNames().contains(p.getProgramName())) {
                byName.put(p.getProgramName(), p);
            }
        }
        return byName;
    }

    private InstructionSet instructions(Iterable<Program> programs) {
        Instant now = clock.instant();
        List<Instruction> instructions = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Program program : programs) {
            EventReader reader = new EventReader(now, descriptors(program), instructions, skipped);
            for (Event event : vtn.getAll("/events", Map.of("programID", program.getId()), Event.class)) {
                if (program.getId().equals(event.getProgramID())) {
                    reader.read(event);
                }
            }
        }
        instructions.sort(Comparator.comparing((Instruction i) -> i.interval().start())
                .thenComparing(i -> i.interval().eventId())
                .thenComparingInt(i -> i.interval().intervalId())
                .thenComparing(i -> i.getClass().getSimpleName()));
        skipped.sort(Comparator.comparing(Skipped::eventId).thenComparingInt(Skipped::intervalId));
        return new InstructionSet(instructions, skipped);
    }

    /** The program's event payload descriptors: the defaults of its events' (User Guide 7.6). */
    private static Map<String, EventPayloadDescriptor> descriptors(Program program) {
        Map<String, EventPayloadDescriptor> byType = new HashMap<>();
        if (program.getPayloadDescriptors() != null) {
            for (ProgramRequestPayloadDescriptorsInner d : program.getPayloadDescriptors()) {
                if (d.getActualInstance() instanceof EventPayloadDescriptor e && e.getPayloadType() != null) {
                    byType.put(e.getPayloadType(), e);
                }
            }
        }
        return byType;
    }

    private ReportRequest reportRequest(VenReport report) {
        ReportQuantity q = report.quantity();
        List<Interval> intervals = new ArrayList<>();
        for (ReportInterval i : report.intervals()) {
            intervals.add(new Interval()
                    .id(i.intervalId())
                    .intervalPeriod(new IntervalPeriod()
                            .start(i.start().atOffset(ZoneOffset.UTC))
                            .duration(i.duration().toString()))
                    .payloads(List.of(new ValuesMap()
                            .type(q.payloadType)
                            .values(List.of(new ValuesMapValuesInner(BigDecimal.valueOf(i.value())))))));
        }
        return new ReportRequest()
                .eventID(report.eventId())
                .clientName(config.venName())
                .reportName(config.venName() + " " + q.name() + " for event " + report.eventId())
                .payloadDescriptors(List.of(new ReportPayloadDescriptor()
                        .objectType(ReportPayloadDescriptor.ObjectTypeEnum.REPORT_PAYLOAD_DESCRIPTOR)
                        .payloadType(q.payloadType)
                        .readingType(q.readingType)
                        .units(q.units)))
                .resources(List.of(new ReportRequestResourcesInner()
                        .resourceName(report.resourceName())
                        .intervals(intervals)));
    }
}
