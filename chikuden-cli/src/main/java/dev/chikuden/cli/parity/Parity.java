package dev.chikuden.cli.parity;

import dev.chikuden.gridcode.GridCodeRules;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.SiteModels;
import dev.chikuden.time.SeriesCsv;
import java.nio.file.Path;

/** A parity run: the study and live over one window, measured alike. */
public final class Parity {
    private Parity() {}

    public static ParityWindow window(SiteConfig site, Long atMs, long durationMs) {
        return ParityWindow.choose(site, atMs, durationMs);
    }

    private static double loadMismatchKw(ParityTrace a, ParityTrace b) {
        double worst = 0;
        for (int i = 0; i < a.loadKw().length; i++) {
            worst = Math.max(worst, Math.abs(a.loadKw()[i] - b.loadKw()[i]));
        }
        return worst;
    }

    /** Runs live in real time (the window's lead-in and length), then the study; compares. */
    public static ParityFigures run(SiteConfig site, ParityWindow w, Path stateDir) throws InterruptedException {
        ParityTrace live = LiveRun.run(site, w, stateDir);
        ParityTrace study = StudyRun.run(site, w, live.controlFromMs());
        GridCodeRules rules = SiteModels.gridCodeRules(site);
        long start = SiteModels.timeGrid(site).startEpochMs() + w.startMs();
        ParityFigures.Window window = new ParityFigures.Window(
                SeriesCsv.formatTime(start, site.zone()),
                SeriesCsv.formatTime(start + w.durationMs(), site.zone()),
                w.durationMs() / 1000.0,
                w.stepMs() / 1000.0,
                w.why());
        return ParityFigures.of(
                window,
                SideFigures.of(study, start, w.stepMs(), site.zone(), rules),
                SideFigures.of(live, start, w.stepMs(), site.zone(), rules),
                loadMismatchKw(study, live));
    }
}
