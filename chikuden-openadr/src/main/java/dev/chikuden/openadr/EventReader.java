package dev.chikuden.openadr;

import dev.chikuden.BadInputException;
import dev.chikuden.openadr.model.Event;
import dev.chikuden.openadr.model.EventPayloadDescriptor;
import dev.chikuden.openadr.model.Interval;
import dev.chikuden.openadr.model.IntervalPeriod;
import dev.chikuden.openadr.model.ValuesMap;
import dev.chikuden.openadr.model.ValuesMapValuesInner;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Turns one event into the instructions of its intervals that have not ended by {@code now}, with
 * the User Guide's timing rules (7.3, 7.4): the event's intervalPeriod is the default of every
 * interval; an interval without a start of its own follows the one before; a start of 0001-01-01 is
 * "do it now" and is taken as the event's last modification; n values in a single-valued payload
 * split the interval into n equal sub-intervals. The event's {@code duration} (looping) is not
 * applied.
 */
final class EventReader {
    private static final int BEGINNING_OF_TIME_YEAR = 1;

    private final Instant now;
    private final Map<String, EventPayloadDescriptor> programDescriptors;
    private final List<Instruction> instructions;
    private final List<Skipped> skipped;

    EventReader(
            Instant now,
            Map<String, EventPayloadDescriptor> programDescriptors,
            List<Instruction> instructions,
            List<Skipped> skipped) {
        this.now = now;
        this.programDescriptors = programDescriptors;
        this.instructions = instructions;
        this.skipped = skipped;
    }

    void read(Event event) {
        IntervalPeriod defaults = event.getIntervalPeriod();
        Instant previousEnd = null;
        List<Interval> intervals = event.getIntervals() == null ? List.of() : event.getIntervals();
        for (int i = 0; i < intervals.size(); i++) {
            Interval interval = intervals.get(i);
            int id = interval.getId() == null ? i : interval.getId();
            try {
                Instant start = start(event, interval.getIntervalPeriod(), defaults, i == 0, previousEnd);
                String iso = duration(interval.getIntervalPeriod(), defaults);
                Instant end = IsoDuration.end(start, iso);
                previousEnd = end;
                if (end.isAfter(now) && end.isAfter(start)) {
                    for (ValuesMap payload :
                            interval.getPayloads() == null ? List.<ValuesMap>of() : interval.getPayloads()) {
                        readPayload(event, id, start, end, payload);
                    }
                }
            } catch (BadInputException e) {
                skipped.add(new Skipped(event.getId(), id, "(interval)", e.getMessage()));
            }
        }
    }

    private void readPayload(Event event, int id, Instant start, Instant end, ValuesMap payload) {
        String type = payload.getType();
        List<ValuesMapValuesInner> values = payload.getValues() == null ? List.of() : payload.getValues();
        PayloadType known = PayloadType.of(type);
        if (known == null) {
            skipped.add(new Skipped(event.getId(), id, type, "payload type not handled by this VEN"));
            return;
        }
        if (values.isEmpty()) {
            skipped.add(new Skipped(event.getId(), id, type, "no values"));
            return;
        }
        Duration sub = Duration.between(start, end).dividedBy(values.size());
        for (int k = 0; k < values.size(); k++) {
            Instant subStart = start.plus(sub.multipliedBy(k));
            if (!subStart.plus(sub).isAfter(now)) {
                continue;
            }
            EventInterval where = new EventInterval(
                    event.getId(),
                    event.getProgramID(),
                    id,
                    subStart,
                    sub,
                    event.getPriority() == null ? OptionalInt.empty() : OptionalInt.of(event.getPriority()));
            try {
                instructions.add(known.instruction(where, values.get(k).getActualInstance(), descriptor(event, type)));
            } catch (BadInputException e) {
                skipped.add(new Skipped(event.getId(), id, type, e.getMessage()));
            }
        }
    }

    private EventPayloadDescriptor descriptor(Event event, String type) {
        if (event.getPayloadDescriptors() != null) {
            for (EventPayloadDescriptor d : event.getPayloadDescriptors()) {
                if (type.equals(d.getPayloadType())) {
                    return d;
                }
            }
        }
        return programDescriptors.get(type);
    }

    private Instant start(
            Event event, IntervalPeriod own, IntervalPeriod defaults, boolean first, Instant previousEnd) {
        OffsetDateTime given = own != null && own.getStart() != null ? own.getStart() : null;
        if (given != null && given.getYear() != BEGINNING_OF_TIME_YEAR) {
            return given.toInstant();
        }
        if (!first) {
            return previousEnd;
        }
        OffsetDateTime eventStart = defaults == null ? null : defaults.getStart();
        if (eventStart != null && eventStart.getYear() != BEGINNING_OF_TIME_YEAR) {
            return eventStart.toInstant();
        }
        if (given == null && eventStart == null) {
            throw new BadInputException("the first interval has no start and the event no intervalPeriod.start");
        }
        return doItNow(event);
    }

    /** "Do it now": from when the VTN last wrote the event, so the start is the same at every poll. */
    private Instant doItNow(Event event) {
        OffsetDateTime since =
                event.getModificationDateTime() != null ? event.getModificationDateTime() : event.getCreatedDateTime();
        return since == null ? now : since.toInstant();
    }

    private static String duration(IntervalPeriod own, IntervalPeriod defaults) {
        if (own != null && own.getDuration() != null) {
            return own.getDuration();
        }
        if (defaults != null && defaults.getDuration() != null) {
            return defaults.getDuration();
        }
        throw new BadInputException("the interval has no intervalPeriod.duration and the event none either");
    }
}
