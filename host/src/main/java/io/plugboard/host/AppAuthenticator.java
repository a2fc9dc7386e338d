package io.plugboard.host;

import io.plugboard.host.internal.auth.AppLogin;
import io.plugboard.host.internal.auth.CallerRequest;
import io.plugboard.host.internal.auth.Role;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The embedder's {@link AdminAuthenticator} as the host asks it: public types in, internal ones out. */
final class AppAuthenticator implements AppLogin {

    private final AdminAuthenticator authenticator;

    AppAuthenticator(AdminAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Optional<Principal> who(CallerRequest request) {
        Optional<AdminPrincipal> principal = Objects.requireNonNull(authenticator.authenticate(new View(request)),
                "the AdminAuthenticator answered null instead of Optional.empty()");
        return principal.map(p -> new Principal(p.name(), p.role() == AdminPrincipal.Role.ADMIN ? Role.ADMIN : Role.VIEWER));
    }

    /** The request, through the public interface only. */
    private record View(CallerRequest request) implements AdminRequest {
        @Override
        public String method() {
            return request.method();
        }

        @Override
        public String path() {
            return request.path();
        }

        @Override
        public List<String> headers(String name) {
            return request.headers(name);
        }

        @Override
        public Optional<String> cookie(String name) {
            return request.cookie(name);
        }

        @Override
        public String remoteAddress() {
            return request.remoteAddress();
        }

        @Override
        public String clientAddress() {
            return request.clientAddress();
        }
    }
}
