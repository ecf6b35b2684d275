package dev.chikuden;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void aSiteFileKeepsItsLayoutAndLosesEverySecret() {
        String site = """
                name: plant # the west site
                ems:
                  http:
                    token: "tok-3f9a,#not-a-comment"
                    tokenEnv: CHIKUDEN_TOKEN
                  store:
                    jdbcUrl: jdbc:postgresql://ems:pg-Pa55@db.example:5432/ems?sslpassword=k3y&ssl=true
                    password: p@ss word # from the vault
                    passwordEnv: PGPASSWORD
                  devices: {host: 10.0.0.2, apiToken: 'it''s-secret', port: 502}
                other:
                  - client_secret: s3cr3t
                """;
        String masked = Secrets.mask(site);
        assertThat(masked)
                .doesNotContain("tok-3f9a", "not-a-comment", "pg-Pa55", "k3y", "p@ss", "word #", "it''s", "s3cr3t")
                .contains("name: plant # the west site")
                .contains("token: \"***\"\n")
                .contains("tokenEnv: CHIKUDEN_TOKEN")
                .contains("jdbc:postgresql://ems:***@db.example:5432/ems?sslpassword=***&ssl=true")
                .contains("password: \"***\" # from the vault")
                .contains("passwordEnv: PGPASSWORD")
                .contains("{host: 10.0.0.2, apiToken: '***', port: 502}")
                .contains("- client_secret: \"***\"");
        assertThat(masked.lines().count()).isEqualTo(site.lines().count());
    }

    @Test
    void messagesAndJsonLoseTheirSecretsToo() {
        assertThat(Secrets.mask("cannot reach jdbc:postgresql://user:pass@host/db (refused)"))
                .isEqualTo("cannot reach jdbc:postgresql://user:***@host/db (refused)");
        assertThat(Secrets.mask("{\"token\": \"abc\\\"def\", \"port\": 1}"))
                .isEqualTo("{\"token\": \"***\", \"port\": 1}");
        assertThat(Secrets.mask("https://host/x?a=1&password=hunter2")).isEqualTo("https://host/x?a=1&password=***");
        assertThat(Secrets.mask("http://host:8080/api")).isEqualTo("http://host:8080/api");
        assertThat(Secrets.mask(null)).isNull();
    }
}
