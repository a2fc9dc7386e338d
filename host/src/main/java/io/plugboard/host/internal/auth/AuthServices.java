package io.plugboard.host.internal.auth;

/** What the web layer needs to know who is calling. */
public record AuthServices(AdminUsers users, Sessions sessions, ApiTokens tokens, LoginThrottle throttle) {}
