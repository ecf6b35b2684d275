package dev.chikuden.aging;

/** A configured aging model: makes a fresh model instance for each battery. */
public interface AgingSpec {
    AgingModel create();

    /** BLAST-Lite's LFP/graphite 250 Ah cell. */
    record Blast() implements AgingSpec {
        @Override
        public AgingModel create() {
            return new BlastLfpGr250Ah();
        }
    }
}
