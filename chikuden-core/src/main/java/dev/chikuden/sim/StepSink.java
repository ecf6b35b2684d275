package dev.chikuden.sim;

/** Receives simulated steps chunk by chunk: result writers, metrics, recorders. */
public interface StepSink extends AutoCloseable {
    void accept(StepChunk chunk);

    /** Called once after the last chunk; flushes and releases what the sink holds. */
    @Override
    default void close() {}
}
