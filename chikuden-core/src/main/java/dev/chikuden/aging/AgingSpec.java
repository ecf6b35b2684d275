package dev.chikuden.aging;

/** A configured aging model: makes a fresh model instance for each battery. */
public interface AgingSpec {
    AgingModel create();

    /** A datasheet life table with a square-root-of-time calendar term. */
    record Table(LifeTable table, double calendarLossAfterOneYear, double referenceC, double doublingC)
            implements AgingSpec {
        @Override
        public AgingModel create() {
            return new LifeTableModel(table, calendarLossAfterOneYear, referenceC, doublingC);
        }
    }

    /** BLAST-Lite's LFP/graphite 250 Ah cell. */
    record Blast() implements AgingSpec {
        @Override
        public AgingModel create() {
            return new BlastLfpGr250Ah();
        }
    }
}
