package dev.chikuden.openadr;

import dev.chikuden.BadInputException;
import dev.chikuden.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What a VEN needs: the VTN's base URL and token endpoint, the client credentials the VTN's operator
 * issued (both null for a VTN without authentication), the name under which the VEN registers, the
 * programs it follows (by programName) and how often it polls their events.
 */
public record VenConfig(
        URI vtnUrl,
        URI tokenUrl,
        String clientId,
        String clientSecret,
        String venName,
        List<String> programNames,
        Duration pollPeriod) {

    public VenConfig {
        if (vtnUrl == null || tokenUrl == null || venName == null || programNames == null || pollPeriod == null) {
            throw new BadInputException("VenConfig needs vtnUrl, tokenUrl, venName, programNames and pollPeriod");
        }
        if ((clientId == null) != (clientSecret == null)) {
            throw new BadInputException("VenConfig: clientId and clientSecret go together (both, or neither for a "
                    + "VTN without authentication)");
        }
        if (pollPeriod.isNegative() || pollPeriod.isZero()) {
            throw new BadInputException("VenConfig: pollPeriod " + pollPeriod + " must be positive");
        }
        programNames = List.copyOf(programNames);
    }

    /** The token endpoint the specification suggests, {@code <vtnUrl>/auth/token}. */
    public static URI defaultTokenUrl(URI vtnUrl) {
        String url = vtnUrl.toString();
        return URI.create((url.endsWith("/") ? url : url + "/") + "auth/token");
    }

    @Override
    public String toString() {
        return "VenConfig[vtnUrl=" + vtnUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? null : Secrets.MASK) + ", venName=" + venName + ", programNames="
                + programNames + ", pollPeriod=" + pollPeriod + "]";
    }
}
