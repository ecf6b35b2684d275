package dev.chikuden.openadr.vtn;

import dev.chikuden.openadr.model.EventRequest;
import dev.chikuden.openadr.model.Interval;
import dev.chikuden.openadr.model.ProgramRequest;
import dev.chikuden.openadr.model.ReportRequest;
import dev.chikuden.openadr.model.ReportRequestResourcesInner;
import dev.chikuden.openadr.model.ValuesMap;
import java.util.List;
import java.util.regex.Pattern;

/** The schema's required fields and bounds that binding to the generated models does not check. */
final class Checks {
    private static final int NAME_MAX = 128;
    private static final Pattern OBJECT_ID = Pattern.compile("[a-zA-Z0-9_-]{1,128}");

    private Checks() {}

    static void program(ProgramRequest p) {
        name(p.getProgramName(), "programName");
    }

    static void event(EventRequest e) {
        objectId(e.getProgramID(), "programID");
        if (e.getPriority() != null && e.getPriority() < 0) {
            throw VtnError.badRequest("priority " + e.getPriority() + " is below the minimum 0");
        }
        intervals(e.getIntervals() == null ? List.of() : e.getIntervals(), "intervals");
    }

    static void report(ReportRequest r) {
        objectId(r.getEventID(), "eventID");
        name(r.getClientName(), "clientName");
        required(r.getResources(), "resources");
        for (int i = 0; i < r.getResources().size(); i++) {
            ReportRequestResourcesInner res = r.getResources().get(i);
            name(res.getResourceName(), "resources[" + i + "].resourceName");
            required(res.getIntervals(), "resources[" + i + "].intervals");
            intervals(res.getIntervals(), "resources[" + i + "].intervals");
        }
    }

    static void name(String value, String field) {
        if (value == null || value.isEmpty() || value.length() > NAME_MAX) {
            throw VtnError.badRequest(field + " is required, 1 to " + NAME_MAX + " characters; got "
                    + (value == null ? "none" : "'" + value + "'"));
        }
    }

    static void objectId(String value, String field) {
        if (value == null || !OBJECT_ID.matcher(value).matches()) {
            throw VtnError.badRequest(field + " is required, an object id ([a-zA-Z0-9_-], 1 to 128); got "
                    + (value == null ? "none" : "'" + value + "'"));
        }
    }

    private static void intervals(List<Interval> intervals, String field) {
        for (int i = 0; i < intervals.size(); i++) {
            Interval in = intervals.get(i);
            required(in.getId(), field + "[" + i + "].id");
            required(in.getPayloads(), field + "[" + i + "].payloads");
            for (int k = 0; k < in.getPayloads().size(); k++) {
                ValuesMap v = in.getPayloads().get(k);
                String at = field + "[" + i + "].payloads[" + k + "]";
                name(v.getType(), at + ".type");
                required(v.getValues(), at + ".values");
            }
        }
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw VtnError.badRequest(field + " is required");
        }
    }
}
