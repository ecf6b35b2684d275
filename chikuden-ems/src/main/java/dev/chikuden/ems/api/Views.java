package dev.chikuden.ems.api;

import dev.chikuden.ems.runtime.EmsService;
import dev.chikuden.ems.runtime.Alarm;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.runtime.CycleTiming;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the API answers, shaped for people reading JSON: instants also in ISO-8601, alarms say if active. */
final class Views {
    private Views() {
    }

    record AlarmView(String code, String source, String message, boolean active, long raisedEpochMs, String raisedAt,
                     long clearedEpochMs, String clearedAt) {
        static AlarmView of(Alarm a) {
            return new AlarmView(a.code(), a.source(), a.message(), a.active(), a.raisedEpochMs(),
                    iso(a.raisedEpochMs()), a.clearedEpochMs(), a.active() ? null : iso(a.clearedEpochMs()));
        }
    }

    /**
     * {@code GET /api/status}: the service state and the last cycle's figures (null before the first
     * cycle and for readings that were stale), active alarms, cycle timing, the manual setpoint and the telemetry store's progress.
     */
    record Status(String state, long cycle, Long epochMs, String time, double gridKw, double loadKw,
                  double batteryKw, double setpointKw, double soc, double frequencyHz, String binding,
                  Integer staleDevices, List<AlarmView> alarms, CycleTiming timing, Map<String, Object> manual,
                  Map<String, Object> telemetry) {
        static Status of(EmsService service) {
            CycleSnapshot s = service.latest();
            List<AlarmView> active = Views.alarms(service, false);
            Map<String, Object> manual = Views.manual(service.manualSetpoint());
            if (s == null) {
                return new Status(service.state().json(), 0, null, null, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, null, null, active, service.timing(), manual,
                        service.telemetryStatus());
            }
            return new Status(service.state().json(), s.cycle(), s.epochMs(), iso(s.epochMs()), s.gridKw(),
                    s.loadKw(), s.batteryKw(), s.setpointKw(), s.soc(), s.frequencyHz(), s.binding(),
                    s.staleDevices(), active, service.timing(), manual, service.telemetryStatus());
        }
    }

    static List<AlarmView> alarms(EmsService service, boolean includeCleared) {
        return service.alarms(includeCleared).stream().filter(a -> includeCleared || a.active()).map(AlarmView::of)
                .toList();
    }

    /** The service's manual setpoint with its expiry also in ISO-8601, or null when none is held. */
    static Map<String, Object> manual(Map<String, Object> held) {
        if (held == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>(held);
        if (held.get("expiresAtEpochMs") instanceof Number expires) {
            out.put("expiresAt", iso(expires.longValue()));
        }
        return out;
    }

    static String iso(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }
}
