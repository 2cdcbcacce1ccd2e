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
