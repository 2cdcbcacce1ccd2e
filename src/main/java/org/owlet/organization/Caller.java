package org.owlet.organization;

/**
 * Who is calling, as the organization feature needs it. Implemented by the identity feature (which sits on
 * this one), so that organization's pages never import identity.
 */
public interface Caller {

    /** The signed-in member (created on first sight), or null for an anonymous caller. */
    Member member();

    /** The signed-in member's id, key and company without reading its row once known (null for an anonymous caller). */
    MemberRef memberRef();

    boolean hasRole(String role);
}
