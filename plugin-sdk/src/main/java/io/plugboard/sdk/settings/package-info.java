/**
 * Settings a plugin declares ({@link io.plugboard.sdk.settings.Setting}) and reads
 * ({@link io.plugboard.sdk.settings.PluginSettings}); the host renders, checks and stores them.
 */
package io.plugboard.sdk.settings;
