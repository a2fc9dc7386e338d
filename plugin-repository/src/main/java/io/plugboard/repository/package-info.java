/**
 * A Plugboard plugin repository: its index ({@code plugins.json}, read and written by {@link IndexFormat}
 * as a {@link PluginIndex} of {@link PluginListing}s and their {@link Release}s), the publisher's
 * signatures ({@link SigningKey} signs, {@link TrustedKeys} checks; Ed25519 over the jar's SHA-512,
 * {@link ReleaseSignature}) and {@link RepositoryBuilder}, which builds a repository from a folder of
 * plugin jars. The command {@code plugboard-repository.jar} ({@code tool.RepositoryTool}) wraps them
 * for publishers; the host reads repositories and checks signatures with the same classes.
 */
package io.plugboard.repository;
