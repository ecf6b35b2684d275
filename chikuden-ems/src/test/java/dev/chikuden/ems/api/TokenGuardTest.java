package dev.chikuden.ems.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenGuardTest {
    private final TokenGuard guard = new TokenGuard("abc123");

    @Test
    void judgesTheBearerHeader() {
        assertThat(guard.check("Bearer abc123")).isEqualTo(TokenGuard.Verdict.ALLOWED);
        assertThat(guard.check("bearer   abc123  ")).isEqualTo(TokenGuard.Verdict.ALLOWED);
        assertThat(guard.check("Bearer abc1234")).isEqualTo(TokenGuard.Verdict.WRONG);
        assertThat(guard.check("Bearer ABC123")).isEqualTo(TokenGuard.Verdict.WRONG);
        assertThat(guard.check(null)).isEqualTo(TokenGuard.Verdict.MISSING);
        assertThat(guard.check("Bearer ")).isEqualTo(TokenGuard.Verdict.MISSING);
        assertThat(guard.check("Basic YWJjMTIz")).isEqualTo(TokenGuard.Verdict.MISSING);
        assertThat(guard.check("abc123")).isEqualTo(TokenGuard.Verdict.MISSING);
    }

    @Test
    void withoutATokenNothingIsAllowed() {
        for (String none : new String[] {null, "", "  "}) {
            TokenGuard g = new TokenGuard(none);
            assertThat(g.configured()).isFalse();
            assertThat(g.check("Bearer " + none)).isEqualTo(TokenGuard.Verdict.NOT_CONFIGURED);
            assertThat(g.check(null)).isEqualTo(TokenGuard.Verdict.NOT_CONFIGURED);
        }
    }

    @Test
    void theFingerprintIsTheStartOfTheSha256() {
        // echo -n abc123 | sha256sum
        assertThat(TokenGuard.fingerprint("abc123")).isEqualTo("6ca13d52");
        assertThat(TokenGuard.fingerprint(null)).isNull();
    }

    @Test
    void readsAreOpenOnlyFromLoopbackForALoopbackHost() {
        assertThat(TokenGuard.openRead("127.0.0.1", "127.0.0.1:8080")).isTrue();
        assertThat(TokenGuard.openRead("127.0.0.1", "localhost:8080")).isTrue();
        assertThat(TokenGuard.openRead("0:0:0:0:0:0:0:1", "[::1]:8080")).isTrue();
        assertThat(TokenGuard.openRead("[::1]", "localhost")).isTrue();
        assertThat(TokenGuard.openRead("127.0.0.1", "evil.example:8080")).isFalse();
        assertThat(TokenGuard.openRead("127.0.0.1", null)).isFalse();
        assertThat(TokenGuard.openRead("192.168.1.20", "localhost:8080")).isFalse();
        assertThat(TokenGuard.openRead("10.0.0.1", "10.0.0.1:8080")).isFalse();
        assertThat(TokenGuard.isLoopback("localhost"))
                .as("names are never looked up")
                .isFalse();
        assertThat(TokenGuard.isLoopback("abc.de")).isFalse();
    }
}
