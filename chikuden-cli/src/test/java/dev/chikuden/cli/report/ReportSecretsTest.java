package dev.chikuden.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report carries the site file so a reader can reproduce it, but none of the file's secrets. */
class ReportSecretsTest {
    @TempDir
    Path dir;

    @Test
    void theReportHoldsNoTokenPasswordOrJdbcCredentials() throws Exception {
        String site = SmallSiteReportTest.SITE + """
                ems:
                  http: {token: "wr1te-T0ken-of-the-site-6a1f"}
                  store:
                    jdbcUrl: jdbc:postgresql://ems:Url-Pa55word@db.example:5432/ems?password=Param-Pa55
                    user: ems
                    password: "St0re-Pa55word"
                """;
        String html = Files.readString(SmallSiteReportTest.report(dir, site, null));
        assertThat(html)
                .doesNotContain("wr1te-T0ken-of-the-site-6a1f", "Url-Pa55word", "Param-Pa55", "St0re-Pa55word")
                .contains("jdbc:postgresql://ems:***@db.example:5432/ems?password=***");
    }
}
