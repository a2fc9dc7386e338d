package io.plugboard.host.internal.secrets;

import java.time.Instant;

/** What may be shown of a secret: never its value. */
public record SecretInfo(String name, Instant createdAt, Instant updatedAt, Instant lastUsedAt) {}
