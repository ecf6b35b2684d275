package dev.chikuden.site;

public record SiteOverride(String path, String value, String origin) {}
