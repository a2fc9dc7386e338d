/**
 * Settings a plugin declares ({@link io.plugboard.sdk.settings.Setting}, grouped under
 * {@link io.plugboard.sdk.settings.SettingsSection}s) and reads with one typed getter per type
 * ({@link io.plugboard.sdk.settings.PluginSettings}); the host renders, checks and stores them.
 */
package io.plugboard.sdk.settings;
