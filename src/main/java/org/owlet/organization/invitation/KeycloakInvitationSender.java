package org.owlet.organization.invitation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.representations.idm.OrganizationInvitationRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;

/**
 * Keycloak organization invitations through the Admin REST API (Keycloak 26), as the service-account client of
 * {@link KeycloakAdminConfig}. The organization is found by its alias (the company's {@code orgAlias}); an address
 * Keycloak already has a pending invitation for is sent that invitation again; withdrawing deletes Keycloak's
 * invitation, so its link stops working. Keycloak's answers become a {@link SendFailure}, logged in one line.
 */
@ApplicationScoped
public class KeycloakInvitationSender implements InvitationSender {

    private static final Logger LOG = Logger.getLogger(KeycloakInvitationSender.class);
    private static final Pattern REALM_URL = Pattern.compile("(https?://.+?)/realms/([^/]+)/?");
    private static final int PAGE = 100;

    @Inject
    KeycloakAdminConfig config;

    private final Map<String, String> organizationIds = new ConcurrentHashMap<>();
    private volatile Keycloak keycloak;

    /** The server URL and realm name of a realm URL; empty when it is not one. */
    static Optional<String[]> parseRealmUrl(String url) {
        Matcher m = REALM_URL.matcher(url == null ? "" : url.strip());
        return m.matches() ? Optional.of(new String[] { m.group(1), m.group(2) }) : Optional.empty();
    }

    @Override
    public boolean configured() {
        return config.url().flatMap(KeycloakInvitationSender::parseRealmUrl).isPresent() && config.secret().isPresent();
    }

    private String realm() {
        return parseRealmUrl(config.url().orElseThrow()).orElseThrow()[1];
    }

    private Keycloak client() {
        Keycloak current = keycloak;
        if (current == null) {
            synchronized (this) {
                if (keycloak == null) {
                    String[] server = parseRealmUrl(config.url().orElseThrow()).orElseThrow();
                    keycloak = KeycloakBuilder.builder().serverUrl(server[0]).realm(server[1])
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(config.clientId())
                            .clientSecret(config.secret().orElseThrow()).build();
                }
                current = keycloak;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Override
    public Optional<SendFailure> invite(String organizationAlias, String email, String firstName, String lastName) {
        if (!configured()) {
            return Optional.of(SendFailure.NOT_CONFIGURED);
        }
        try {
            Optional<OrganizationResource> organization = organization(organizationAlias);
            if (organization.isEmpty()) {
                LOG.warnf("Invitation not sent: Keycloak realm %s has no organization with alias %s", realm(), organizationAlias);
                return Optional.of(SendFailure.NO_ORGANIZATION);
            }
            Optional<OrganizationInvitationRepresentation> existing = keycloakInvitation(organization.get(), email);
            try (Response response = existing.isPresent() ? organization.get().invitations().resend(existing.get().getId())
                    : organization.get().members().inviteUser(email, firstName, lastName)) {
                return failureOf(response.getStatus(), organizationAlias, readError(response));
            }
        } catch (RuntimeException e) {
            return Optional.of(failureOf(e, organizationAlias));
        }
    }

    @Override
    public Optional<SendFailure> withdraw(String organizationAlias, String email) {
        if (!configured()) {
            return Optional.empty();
        }
        try {
            Optional<OrganizationResource> organization = organization(organizationAlias);
            if (organization.isEmpty()) {
                return Optional.empty();
            }
            Optional<OrganizationInvitationRepresentation> existing = keycloakInvitation(organization.get(), email);
            if (existing.isEmpty()) {
                return Optional.empty();
            }
            try (Response response = organization.get().invitations().delete(existing.get().getId())) {
                return response.getStatus() == 404 ? Optional.empty()
                        : failureOf(response.getStatus(), organizationAlias, readError(response));
            }
        } catch (RuntimeException e) {
            return Optional.of(failureOf(e, organizationAlias));
        }
    }

    /** Keycloak's pending invitation of this organization for this address, if any. */
    private static Optional<OrganizationInvitationRepresentation> keycloakInvitation(OrganizationResource organization, String email) {
        List<OrganizationInvitationRepresentation> found = organization.invitations().list(null, email, null, null, null, 0, 10);
        return found.stream().filter(i -> email.equalsIgnoreCase(i.getEmail())).findFirst();
    }

    /** The organization with this alias (looked up once, then by its id); empty when the realm has none. */
    private Optional<OrganizationResource> organization(String alias) {
        if (alias == null || alias.isBlank()) {
            return Optional.empty();
        }
        String id = organizationIds.get(alias);
        if (id == null) {
            id = findOrganizationId(alias).orElse(null);
            if (id == null) {
                return Optional.empty();
            }
            organizationIds.put(alias, id);
        }
        return Optional.of(client().realm(realm()).organizations().get(id));
    }

    private Optional<String> findOrganizationId(String alias) {
        for (int first = 0;; first += PAGE) {
            List<OrganizationRepresentation> page = client().realm(realm()).organizations().list(first, PAGE);
            Optional<String> id = page.stream().filter(o -> alias.equals(o.getAlias())).map(OrganizationRepresentation::getId)
                    .findFirst();
            if (id.isPresent() || page.size() < PAGE) {
                return id;
            }
        }
    }

    private Optional<SendFailure> failureOf(int status, String alias, String error) {
        if (status >= 200 && status < 300) {
            return Optional.empty();
        }
        if (status == 404) {
            organizationIds.remove(alias); // the organization went away: look it up again next time
        }
        SendFailure failure = switch (status) {
            case 401, 403 -> SendFailure.UNAUTHORIZED;
            case 404 -> SendFailure.NO_ORGANIZATION;
            case 409 -> SendFailure.ALREADY_INVITED;
            default -> status >= 500 ? SendFailure.KEYCLOAK_ERROR : SendFailure.REFUSED;
        };
        LOG.warnf("Keycloak answered HTTP %d to an invitation request for organization %s: %s", status, alias, error);
        return Optional.of(failure);
    }

    private SendFailure failureOf(RuntimeException e, String alias) {
        if (e instanceof WebApplicationException web && web.getResponse() != null) {
            return failureOf(web.getResponse().getStatus(), alias, e.getMessage()).orElse(SendFailure.KEYCLOAK_ERROR);
        }
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof WebApplicationException web && web.getResponse() != null) {
                return failureOf(web.getResponse().getStatus(), alias, cause.getMessage()).orElse(SendFailure.KEYCLOAK_ERROR);
            }
        }
        LOG.warnf("Keycloak could not be reached for an invitation to organization %s (%s): %s", alias,
                config.url().orElse("?"), rootMessage(e));
        return SendFailure.UNREACHABLE;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static String readError(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
