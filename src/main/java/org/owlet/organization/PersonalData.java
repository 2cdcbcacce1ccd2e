package org.owlet.organization;

/**
 * Implemented by each feature that keeps personal data about members (learning records, certificates …):
 * its part of a member's data export, and what it removes on erasure while keeping anonymous counts.
 */
public interface PersonalData {

    /** The key of this feature's section in the export. */
    String name();

    Object export(Member member);

    void erase(Member member);
}
