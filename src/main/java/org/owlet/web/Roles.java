package org.owlet.web;

/**
 * The realm roles Owlet knows. Access is enforced twice: by the path rules in {@code application.properties} ("Roles")
 * and by an annotation on every resource class ({@code @RolesAllowed}, {@code @Authenticated} or {@code @PermitAll});
 * an endpoint without one is refused ({@code quarkus.security.jaxrs.deny-unannotated-endpoints}).
 */
public final class Roles {

    public static final String COMPANY_ADMIN = "company-admin";
    public static final String COALITION_ADMIN = "coalition-admin";

    private Roles() {
    }
}
