package org.owlet.organization.invitation;

import java.util.Optional;

/**
 * Sends invitation emails through the identity provider, which owns accounts and organizations. The Keycloak
 * implementation is {@link KeycloakInvitationSender}; tests replace it with a double that records calls.
 * Implementations never throw for a failure of the provider: they say what went wrong.
 */
public interface InvitationSender {

    /** True when invitation emails can be sent at all (the provider's administration is configured). */
    boolean configured();

    /**
     * Invites {@code email} to the organization with this alias, or sends the invitation again; empty when the email
     * went out.
     */
    Optional<SendFailure> invite(String organizationAlias, String email, String firstName, String lastName);

    /** Cancels the provider's invitation for {@code email}, so its link stops working; empty when done or none. */
    Optional<SendFailure> withdraw(String organizationAlias, String email);
}
