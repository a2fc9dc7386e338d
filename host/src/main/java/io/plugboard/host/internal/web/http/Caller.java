package io.plugboard.host.internal.web.http;

import io.plugboard.host.internal.auth.AdminUsers;
import io.plugboard.host.internal.auth.Role;

/**
 * Who is signed in for this admin request: one of Plugboard's own accounts (through its session) or
 * a principal of the embedding application. Put on the request by the access check.
 *
 * @param name shown in the top bar
 * @param role what they may do
 * @param accountId the Plugboard account's id, or null for the application's principal
 * @param csrfToken what every form and htmx action of theirs must carry
 * @param logoutUrl where "Log out" leads for the application's principal (null: no link); unused
 *                  for a Plugboard account, whose logout is Plugboard's own form
 */
public record Caller(String name, Role role, String accountId, String csrfToken, String logoutUrl) {

    /** @return true if the embedding application signed them in (there is no Plugboard account) */
    public boolean fromApp() {
        return accountId == null;
    }

    /** @return them as the actor of an account change (the id is null for the application's principal) */
    public AdminUsers.AdminUser actor() {
        return new AdminUsers.AdminUser(accountId, name, role);
    }
}
