package dev.chikuden.openadr;

/** The token endpoint refused the client id and secret: retrying will not help, the configuration must change. */
public final class CredentialsRefusedException extends OpenAdrException {
    private static final long serialVersionUID = 1L;

    public CredentialsRefusedException(String message) {
        super(message);
    }
}
