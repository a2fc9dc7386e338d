package io.plugboard.host.internal.config;

/**
 * What names this host and this running instance of it.
 *
 * @param name shown in the admin's top bar and offered to payload templates
 * @param hostVersion this build's version
 * @param instanceId this instance's id among those sharing the database, or null for a random one
 */
public record SiteConfig(String name, String hostVersion, String instanceId) {}
