package dev.chikuden.openadr.vtn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The objects of one kind, in memory, in the order they were created, with the ids the VTN gives them. */
final class Table<T> {
    private final String kind;
    private final Map<String, T> rows = new LinkedHashMap<>();
    private int next = 1;

    Table(String kind) {
        this.kind = kind;
    }

    synchronized String newId() {
        return kind + "-" + next++;
    }

    synchronized void put(String id, T row) {
        rows.put(id, row);
    }

    synchronized T get(String id) {
        return Optional.ofNullable(rows.get(id)).orElseThrow(() -> VtnError.notFound("no " + kind + " " + id));
    }

    synchronized boolean has(String id) {
        return rows.containsKey(id);
    }

    synchronized T remove(String id) {
        T row = get(id);
        rows.remove(id);
        return row;
    }

    synchronized List<T> all() {
        return new ArrayList<>(rows.values());
    }
}
