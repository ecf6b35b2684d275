package dev.chikuden.site;

/** Supply voltage class of the grid connection, as Japanese tariffs distinguish them. */
public enum VoltageClass {
    LOW("low"), HIGH("high"), EXTRA_HIGH("extra-high");

    private final String yamlName;

    VoltageClass(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
