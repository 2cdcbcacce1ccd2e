package org.owlet.organization;

import java.util.List;

/** The token names several organizations: Owlet cannot tell which company the person trains for, and will not guess. */
public class SeveralOrganizationsException extends RuntimeException {

    private final List<String> organizations;

    public SeveralOrganizationsException(List<String> organizations) {
        super("Token names several organizations: " + organizations);
        this.organizations = List.copyOf(organizations);
    }

    public List<String> organizations() {
        return organizations;
    }
}
