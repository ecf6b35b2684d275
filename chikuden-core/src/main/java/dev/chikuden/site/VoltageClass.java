package dev.chikuden.site;

/** Supply voltage class of the grid connection, as Japanese tariffs distinguish them. */
enum VoltageClass {
    LOW("low"),
    HIGH("high"),
    EXTRA_HIGH("extra-high");

    private final String yamlName;

    VoltageClass(String yamlName) {
        this.yamlName = yamlName;
    }

    String yamlName() {
        return yamlName;
    }
}
