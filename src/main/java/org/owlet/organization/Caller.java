package org.owlet.organization;

/**
 * Who is calling, as the organization feature needs it. Implemented by the identity feature (which sits on
 * this one), so that organization's pages never import identity.
 */
public interface Caller {

    /** The signed-in member (created on first sight), or null for an anonymous caller. */
    Member member();

    boolean hasRole(String role);
}
