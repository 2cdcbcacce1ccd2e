package org.owlet.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.owlet.web.TimeSource;

/** Records administrative changes. Joins the caller's transaction so a change and its entry land together. */
@ApplicationScoped
public class AuditLog {

    public static final String SYSTEM = "system";

    @Inject
    TimeSource time;

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(Member actor, String action, Company company, Member target, String details) {
        AuditEntry entry = new AuditEntry();
        entry.at = time.now();
        entry.actor = actor;
        entry.actorLabel = actor == null ? SYSTEM : label(actor);
        entry.action = action;
        entry.company = company;
        entry.target = target;
        entry.targetLabel = target == null ? null : label(target);
        entry.details = details == null || details.length() <= 2000 ? details : details.substring(0, 2000);
        entry.persist();
        return entry;
    }

    /**
     * Replaces the details of a member's entries of one action, e.g. when they quote personal data that is being
     * erased; the entries stay as the record of what was done and when.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int replaceDetails(String action, Member target, String details) {
        return AuditEntry.update("details = ?1 where action = ?2 and target.id = ?3", details, action, target.id);
    }

    /** How entries name a member once their personal data is erased. */
    static String erasedLabel(Member member) {
        return "erased member #" + member.id;
    }

    static String label(Member member) {
        if (member.isErased()) {
            return erasedLabel(member);
        }
        String name = member.displayName == null ? "" : member.displayName;
        return member.email == null ? name : name + " <" + member.email + ">";
    }
}
