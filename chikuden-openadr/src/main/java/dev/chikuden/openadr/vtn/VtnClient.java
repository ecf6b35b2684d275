package dev.chikuden.openadr.vtn;

/** A client the VTN knows: its OAuth2 client id and secret, and whether it is Business Logic or a VEN. */
public record VtnClient(String clientId, String clientSecret, Role role) {
    /** The two kinds of client of the specification's scopes. */
    public enum Role {
        /** The utility's or aggregator's side: writes programs and events, reads everything. */
        BUSINESS_LOGIC,
        /** A VEN: reads programs and events, writes its ven object and reports, reads only its own. */
        VEN
    }

    public VtnClient {
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isEmpty() || role == null) {
            throw new IllegalArgumentException("a VTN client needs a client id, a secret and a role");
        }
    }

    @Override
    public String toString() {
        return "VtnClient[" + clientId + ", " + role + "]";
    }
}
