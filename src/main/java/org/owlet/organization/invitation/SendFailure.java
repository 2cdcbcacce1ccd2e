package org.owlet.organization.invitation;

/** Why an invitation email did not go out; each has its explanation for the admin in the org bundle. */
public enum SendFailure {
    /** No identity provider administration is configured: Owlet records invitations and sends nothing. */
    NOT_CONFIGURED("invitations_failure_not_configured"),
    /** The company has no Keycloak organization (alias) in Owlet, or Keycloak has none with that alias. */
    NO_ORGANIZATION("invitations_failure_no_organization"),
    /** Keycloak did not answer (down, unreachable, timed out). */
    UNREACHABLE("invitations_failure_unreachable"),
    /** Keycloak refused Owlet's service account (wrong secret or missing roles). */
    UNAUTHORIZED("invitations_failure_unauthorized"),
    /** Keycloak already has a pending invitation for the address, or the person is already in the organization. */
    ALREADY_INVITED("invitations_failure_already_invited"),
    /** Keycloak refused the request otherwise (4xx), e.g. an address it does not accept. */
    REFUSED("invitations_failure_refused"),
    /** Keycloak failed (5xx), typically because its own email settings do not work. */
    KEYCLOAK_ERROR("invitations_failure_keycloak_error");

    private final String messageKey;

    SendFailure(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
