package dev.chikuden.site;

import dev.chikuden.load.ai.Facility;
import dev.chikuden.load.ai.TrainingJob;
import java.util.List;

/**
 * An AI campus load: training jobs, an inference fleet and the facility around them.
 *
 * @param inference null for none
 * @param facility  null when the facility is given as a separate load
 */
public record AiCampusLoadSpec(
        String name, List<TrainingJob> training, DailyProfileLoadSpec inference, Facility facility)
        implements LoadSpec {}
