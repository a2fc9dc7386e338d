package io.plugboard.repository;

/**
 * One downloadable version of a plugin.
 *
 * @param version the plugin's version ({@code Plugin-Version})
 * @param date the day it was published (ISO-8601 date)
 * @param requires the host versions it runs on ({@code Plugin-Requires}, e.g. {@code >=0.1.0}), or {@code *}
 * @param url where the jar is: absolute, or relative to {@code plugins.json}'s own URL
 * @param sha512 the jar's SHA-512, 128 lower-case hex digits; a download that does not match is refused
 * @param signature the publisher's signature of the jar, or null for an unsigned release
 * @param notes what changed, in Markdown, or null
 */
public record Release(String version, String date, String requires, String url, String sha512,
                      ReleaseSignature signature, String notes) {}
