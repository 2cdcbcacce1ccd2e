package org.owlet.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.owlet.organization.Member;
import org.owlet.organization.PersonalData;

/**
 * Workshops a member attended (matched by email when the attendees were imported) and workshops they recorded as a
 * coalition admin. Erasure removes the attendee's name and email and keeps the row and its person key, so the
 * workshop's figures stay right.
 */
@ApplicationScoped
public class WorkshopPersonalData implements PersonalData {

    @Inject
    EntityManager em;

    @Override
    public String name() {
        return "workshops";
    }

    @Override
    public Set<String> tables() {
        return Set.of(PersonalData.tableOf(Workshop.class), PersonalData.tableOf(WorkshopAttendee.class));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object export(Member member) {
        List<Object[]> attended = em.createNativeQuery("""
                SELECT a.id, w.id, w.held_on, w.topic, w.trainer, w.language, a.name, a.email FROM workshop_attendee a
                JOIN workshop w ON w.id = a.workshop_id WHERE a.member_id = ?1 ORDER BY w.held_on, a.id""").setParameter(1, member.id)
                .getResultList();
        List<Object[]> recorded = em.createNativeQuery("SELECT id, held_on, topic FROM workshop WHERE created_by = ?1 ORDER BY id")
                .setParameter(1, member.id).getResultList();
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("attended", attended.stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r[0]);
            row.put("workshop", r[1]);
            row.put("heldOn", String.valueOf(r[2]));
            row.put("topic", r[3]);
            row.put("trainer", r[4]);
            row.put("language", r[5]);
            row.put("name", r[6]);
            row.put("email", r[7]);
            return row;
        }).toList());
        section.put("recorded", recorded.stream().map(r -> Map.of("id", r[0], "heldOn", String.valueOf(r[1]), "topic", r[2])).toList());
        return section;
    }

    @Override
    public void erase(Member member) {
        em.createNativeQuery("UPDATE workshop_attendee SET name = NULL, email = NULL WHERE member_id = ?1").setParameter(1, member.id)
                .executeUpdate();
    }
}
