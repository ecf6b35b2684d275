package dev.chikuden.ems.device;

/** A device did not answer, or answered with an error; the message says which device and what. */
class DeviceException extends RuntimeException {
    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
