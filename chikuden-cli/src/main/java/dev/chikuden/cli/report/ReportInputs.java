package dev.chikuden.cli.report;

import dev.chikuden.Secrets;
import dev.chikuden.cli.BuildInfo;
import dev.chikuden.site.SiteConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** What a reader needs to reproduce a report: the site file as it was, the versions, the command and the date. */
public record ReportInputs(
        String siteFile,
        String siteText,
        String chikudenVersion,
        String echartsVersion,
        String java,
        String os,
        String commandLine,
        String generated) {

    /** The inputs of a report made now, on this machine, from {@code site}. */
    public static ReportInputs of(SiteConfig site, String commandLine) {
        String text;
        try {
            text = Secrets.mask(Files.readString(site.source())); // a report is shared: no secret in it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the site file " + site.source() + " again for the report", e);
        }
        return new ReportInputs(
                site.source().getFileName().toString(),
                text,
                BuildInfo.version(),
                BuildInfo.echartsVersion(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                commandLine,
                ZonedDateTime.now(site.zone())
                        .truncatedTo(ChronoUnit.SECONDS)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
}
