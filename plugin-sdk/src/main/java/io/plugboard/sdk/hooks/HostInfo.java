package io.plugboard.sdk.hooks;

/**
 * The payload of {@link CoreHooks#HOST_STARTED} and {@link CoreHooks#HOST_STOPPING}.
 *
 * @param instanceId this instance's id
 * @param version the host's version
 */
public record HostInfo(String instanceId, String version) {}
