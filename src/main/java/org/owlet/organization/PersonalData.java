package org.owlet.organization;

import java.util.Locale;
import java.util.Set;

import jakarta.persistence.Table;

/**
 * Implemented by each feature that keeps data about members (learning records, certificates …): the tables it
 * covers, its section of a member's data export, and what it removes on erasure while anonymous counts stay right.
 * <p>
 * Complete by construction: every table with a column that points at a {@code member} row (whatever the column is
 * called) or holds a {@code person_key} is either in some implementation's {@link #tables()} or listed, with the
 * reason, in {@link PersonalDataExclusions}; a test reads the live schema and holds the code to it.
 * <p>
 * {@link #export} and {@link #erase} run inside {@link MemberService}'s transaction. Sections are erased one after
 * the other in no promised order, so an {@code erase} must not rely on another section's data still being there, nor
 * on it being gone; the one exception is the member row itself (the {@code profile} section), which is erased last, so
 * every section still sees the member's name and email.
 */
public interface PersonalData {

    /** The key of this feature's section in the export. */
    String name();

    /** The database tables whose rows about a member this section exports and erases (lower case). */
    Set<String> tables();

    /** The member's rows in readable form (ids, course and item ids, times, scores), never answer keys. */
    Object export(Member member);

    /**
     * Removes or scrubs what identifies the person in this feature's tables, keeping the member id, the
     * pseudonymous person key and the company, so that anonymous counts stay right.
     */
    void erase(Member member);

    /** The table an entity is mapped to, so that {@link #tables()} follows a renamed table with its entity. */
    static String tableOf(Class<?> entity) {
        Table table = entity.getAnnotation(Table.class);
        if (table == null || table.name().isBlank()) {
            throw new IllegalArgumentException(entity.getName() + " names no table with @Table(name = …)");
        }
        return table.name().toLowerCase(Locale.ROOT);
    }
}
