package dev.chikuden.ems.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.chikuden.control.ManualSetpoint;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.cycle.EmsState;
import dev.chikuden.ems.runtime.Alarm;
import dev.chikuden.ems.runtime.CycleTiming;
import dev.chikuden.ems.runtime.EmsService;
import dev.chikuden.ems.runtime.FastLoopStatus;
import dev.chikuden.ems.store.TelemetryPoint;
import java.time.Instant;
import java.util.List;

/**
 * What the API answers, shaped for people reading JSON: instants also in ISO-8601, alarms say if
 * active. Each record is one answer (or part of one) of {@code openapi.yaml}; its component names
 * are the JSON field names.
 */
final class Views {
    private Views() {}

    record AlarmView(
            String code,
            String source,
            String message,
            boolean active,
            long raisedEpochMs,
            String raisedAt,
            long clearedEpochMs,
            String clearedAt) {
        static AlarmView of(Alarm a) {
            return new AlarmView(
                    a.code(),
                    a.source(),
                    a.message(),
                    a.active(),
                    a.raisedEpochMs(),
                    iso(a.raisedEpochMs()),
                    a.clearedEpochMs(),
                    a.active() ? null : iso(a.clearedEpochMs()));
        }
    }

    /**
     * {@code GET /api/status}: the service state and the last cycle's figures (null before the first
     * cycle and for readings that were stale), active alarms, cycle timing, the fast loop (left out
     * when there is none), the manual setpoint and the telemetry store's progress.
     */
    record Status(
            EmsState state,
            long cycle,
            Long epochMs,
            String time,
            double gridKw,
            double loadKw,
            double batteryKw,
            double setpointKw,
            double soc,
            double frequencyHz,
            String binding,
            Integer staleDevices,
            List<AlarmView> alarms,
            CycleTiming timing,
            @JsonInclude(JsonInclude.Include.NON_NULL) FastLoopStatus fastLoop,
            Manual manual,
            EmsService.TelemetryStatus telemetry) {
        static Status of(EmsService service) {
            CycleSnapshot s = service.latest();
            List<AlarmView> active = Views.alarms(service, false);
            Manual manual = Manual.of(service.manualSetpoint());
            if (s == null) {
                return new Status(
                        service.state(),
                        0,
                        null,
                        null,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        null,
                        null,
                        active,
                        service.timing(),
                        service.fastLoop(),
                        manual,
                        service.telemetryStatus());
            }
            return new Status(
                    service.state(),
                    s.cycle(),
                    s.epochMs(),
                    iso(s.epochMs()),
                    s.gridKw(),
                    s.loadKw(),
                    s.batteryKw(),
                    s.setpointKw(),
                    s.soc(),
                    s.frequencyHz(),
                    s.binding(),
                    s.staleDevices(),
                    active,
                    service.timing(),
                    service.fastLoop(),
                    manual,
                    service.telemetryStatus());
        }
    }

    /** The manual setpoint held, with its expiry also in ISO-8601: in answers and in the audit log. */
    record Manual(double kw, long expiresAtEpochMs, String expiresAt) {
        /** Null when none is held. */
        static Manual of(ManualSetpoint.Setpoint held) {
            return held == null ? null : new Manual(held.kw(), held.expiresAtEpochMs(), iso(held.expiresAtEpochMs()));
        }
    }

    /** {@code GET}, {@code POST} and {@code DELETE /api/setpoint}: the manual setpoint now held, or null. */
    record ManualBody(Manual manual) {}

    /** {@code GET /api/measurements}. */
    record Measurements(CycleSnapshot latest, List<EmsService.DeviceStatus> devices) {}

    /** {@code GET /api/stack}. */
    record Stack(List<EmsService.StackLayer> layers) {}

    /** {@code GET /api/alarms}. */
    record Alarms(List<AlarmView> alarms) {}

    /** {@code GET /api/timing}: the cycle's timing, the fast loop's (left out when there is none), and how the API keeps up with the cycles. */
    record Timing(
            @JsonUnwrapped CycleTiming cycle,
            @JsonInclude(JsonInclude.Include.NON_NULL) FastLoopStatus fastLoop,
            Api api) {
        record Api(int streamSubscribers, long cyclesHandedOn, long cyclesDropped) {}
    }

    /** {@code GET /api/telemetry}: the query as understood, and the points. */
    record Telemetry(String from, String to, int maxPoints, List<TelemetryPoint> points) {}

    /** {@code GET /api/audit}: the newest entries, newest first. */
    record AuditTail(List<AuditLog.Entry> entries) {}

    /** Every refusal: what is wrong and what is allowed, and the parameter or body field at fault (or null). */
    record Refusal(String error, String field) {}

    static List<AlarmView> alarms(EmsService service, boolean includeCleared) {
        return service.alarms(includeCleared).stream()
                .filter(a -> includeCleared || a.active())
                .map(AlarmView::of)
                .toList();
    }

    static String iso(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }
}
