/**
 * What a plugin adds to the host's web side: admin pages ({@link io.plugboard.sdk.web.AdminPages}) and
 * JSON routes ({@link io.plugboard.sdk.web.JsonRoutes}).
 */
package io.plugboard.sdk.web;
