package org.owlet.organization;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Administrative records in a member's data export: the audit entries about the member and those the member made
 * (as a company or coalition admin), with who acted ("you", another admin's label at the time, or "system").
 * <p>
 * Erasure relabels the entries that name the member, as actor or as target, with the neutral
 * {@code erased member #id}; the entries themselves stay, as the record of what was done.
 */
@ApplicationScoped
public class AuditPersonalData implements PersonalData {

    @Override
    public String name() {
        return "administrativeRecords";
    }

    @Override
    public Set<String> tables() {
        return Set.of(PersonalData.tableOf(AuditEntry.class));
    }

    @Override
    public Object export(Member member) {
        return AuditEntry.about(member).stream().map(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("at", e.at.toString());
            entry.put("action", e.action);
            entry.put("by", e.actor != null && e.actor.id.equals(member.id) ? "you" : e.actorLabel);
            entry.put("company", e.company == null ? null : e.company.name);
            entry.put("details", e.details);
            return entry;
        }).toList();
    }

    @Override
    public void erase(Member member) {
        String label = AuditLog.erasedLabel(member);
        AuditEntry.update("actorLabel = ?1 where actor.id = ?2", label, member.id);
        AuditEntry.update("targetLabel = ?1 where target.id = ?2", label, member.id);
    }
}
