package org.owlet.reporting;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.owlet.organization.Member;
import org.owlet.organization.PersonalData;

/** The reminders a member was sent: exported with their data, deleted on erasure (they count nothing). */
@ApplicationScoped
public class ReminderPersonalData implements PersonalData {

    @Inject
    EntityManager em;

    @Override
    public String name() {
        return "reminders";
    }

    @Override
    public Set<String> tables() {
        return Set.of("reminder");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object export(Member member) {
        List<Object[]> rows = em.createNativeQuery(
                "SELECT course_id, reason, week_of, due_on, emailed FROM reminder WHERE member_id = ?1 ORDER BY week_of, course_id")
                .setParameter(1, member.id).getResultList();
        return rows.stream().map(r -> Map.of("course", r[0], "reason", r[1], "week", String.valueOf(r[2]), "date", String.valueOf(r[3]),
                "emailed", r[4])).toList();
    }

    @Override
    public void erase(Member member) {
        em.createNativeQuery("DELETE FROM reminder WHERE member_id = ?1").setParameter(1, member.id).executeUpdate();
    }
}
