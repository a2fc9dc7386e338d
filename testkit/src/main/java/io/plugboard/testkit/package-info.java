/**
 * The Plugboard plugin testkit: test a plugin against a real, in-process host in a few lines.
 * {@link io.plugboard.testkit.PluginTest} (JUnit) or {@link io.plugboard.testkit.PluginHarness}
 * (any framework) pack the compiled plugin into a jar, start a host with it, emit its events and
 * capture what a webhook endpoint receives.
 */
package io.plugboard.testkit;
