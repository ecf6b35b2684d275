package dev.chikuden.load.ai;

import dev.chikuden.profile.Profile;
import dev.chikuden.time.TimeGrid;
import java.util.ArrayList;
import java.util.List;

/**
 * An AI data-centre campus: training jobs and an inference fleet make the IT load; the facility
 * (cooling through a PUE that depends on the ambient, plus fixed loads) follows the IT heat with a
 * lag. The IT load is generated once per step and the facility derived from it.
 */
public final class AiCampusLoad implements Profile {
    private final List<TrainingJobProfile> jobs = new ArrayList<>();
    private final Profile inference;
    private final Profile ambientC;
    private final Facility facility;
    private final double lagFactor;
    private double filteredItKw = Double.NaN;
    private double[] scratch = new double[0];
    private double[] ambient = new double[0];

    /**
     * @param inference the inference fleet's power (kW), or {@link Profile#ZERO}
     * @param facility  null when the site's facility loads are given separately
     */
    public AiCampusLoad(
            TimeGrid grid, List<TrainingJob> trainingJobs, Profile inference, Profile ambientC, Facility facility) {
        for (TrainingJob j : trainingJobs) {
            jobs.add(new TrainingJobProfile(j, grid));
        }
        this.inference = inference;
        this.ambientC = ambientC;
        this.facility = facility;
        this.lagFactor = facility == null ? 0 : 1 - Math.exp(-grid.stepSeconds() / facility.lagS());
    }

    @Override
    public void fill(long firstStep, double[] out, int count) {
        if (scratch.length < count) {
            scratch = new double[count];
            ambient = new double[count];
        }
        inference.fill(firstStep, out, count);
        for (TrainingJobProfile j : jobs) {
            j.fill(firstStep, scratch, count);
            for (int i = 0; i < count; i++) {
                out[i] += scratch[i];
            }
        }
        if (facility == null) {
            return;
        }
        ambientC.fill(firstStep, ambient, count);
        for (int i = 0; i < count; i++) {
            double it = out[i];
            filteredItKw = Double.isNaN(filteredItKw) ? it : filteredItKw + (it - filteredItKw) * lagFactor;
            out[i] = it + filteredItKw * (facility.pueByAmbientC().at(ambient[i]) - 1) + facility.fixedKw();
        }
    }

    /** Energy GPU-side smoothing added over the raw jobs, so far (kWh). */
    public double smoothingExtraEnergyKwh() {
        double e = 0;
        for (TrainingJobProfile j : jobs) {
            e += j.extraEnergyKwh();
        }
        return e;
    }

    /** GPU energy of the raw jobs, so far (kWh). */
    public double rawGpuEnergyKwh() {
        double e = 0;
        for (TrainingJobProfile j : jobs) {
            e += j.rawEnergyKwh();
        }
        return e;
    }
}
