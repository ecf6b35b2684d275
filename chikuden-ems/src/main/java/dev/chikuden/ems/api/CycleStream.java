package dev.chikuden.ems.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.ems.cycle.CycleSnapshot;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The WebSocket stream: each cycle's snapshot, written once as JSON, offered to every subscriber. */
final class CycleStream implements Consumer<CycleSnapshot> {
    private final ObjectMapper json;
    private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();

    CycleStream(ObjectMapper json) {
        this.json = json;
    }

    void subscribe(StreamClient client) {
        clients.add(client);
    }

    void unsubscribe(StreamClient client) {
        clients.remove(client);
    }

    int subscribers() {
        return clients.size();
    }

    @Override
    public void accept(CycleSnapshot snapshot) {
        if (clients.isEmpty()) {
            return;
        }
        String message;
        try {
            message = json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        clients.removeIf(c -> !c.offer(message));
    }
}
