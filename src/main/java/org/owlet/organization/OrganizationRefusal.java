package org.owlet.organization;

import java.util.List;
import java.util.Map;

import org.owlet.web.errors.NotAllowed;
import org.owlet.web.errors.Reason;

/** Why the organization feature refuses something; texts in the {@code org} bundle. */
public enum OrganizationRefusal implements Reason {

    /**
     * The sign-in names several organizations: Owlet cannot tell which company the person trains for, and will not
     * guess (409: it clears once the identity provider keeps one organization on the account).
     */
    SEVERAL_ORGANIZATIONS("several_organizations", 409, "several_title", "several_text"),

    /** A company admin who belongs to no company has no team to manage (403). */
    NO_COMPANY("no_company", 403, null, "reason_no_company");

    private final String code;
    private final int status;
    private final String titleKey;
    private final String messageKey;

    OrganizationRefusal(String code, int status, String titleKey, String messageKey) {
        this.code = code;
        this.status = status;
        this.titleKey = titleKey;
        this.messageKey = messageKey;
    }

    /** The refusal of a sign-in whose token names these organizations; they are shown, and listed under /api. */
    public static NotAllowed severalOrganizations(List<String> organizations) {
        return new NotAllowed(SEVERAL_ORGANIZATIONS, Map.of("organizations", List.copyOf(organizations)));
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String bundle() {
        return "org";
    }

    @Override
    public String titleKey() {
        return titleKey;
    }

    @Override
    public String messageKey() {
        return messageKey;
    }
}
