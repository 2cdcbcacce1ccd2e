package org.owlet.organization.invitation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.owlet.organization.Member;
import org.owlet.organization.PersonalData;
import org.owlet.web.TimeSource;

/**
 * Invitations in a member's data export: those addressed to them (accepted by them, or sent to their address by any
 * company) with the company, dates and status; and those they sent as a company admin, by invitation id and status
 * only (the invited people's addresses are theirs, not the admin's).
 * <p>
 * Erasure removes the address and name from the invitations addressed to the member (a pending one is withdrawn, as
 * nobody could accept it any more); the rows stay, with the company and dates, as the record of what admins did.
 * Invitations the member sent keep them as {@code invited_by}, which names nobody once the member row is erased.
 */
@ApplicationScoped
public class InvitationPersonalData implements PersonalData {

    @Inject
    TimeSource time;

    @Override
    public String name() {
        return "invitations";
    }

    @Override
    public Set<String> tables() {
        return Set.of(PersonalData.tableOf(Invitation.class));
    }

    private static List<Invitation> addressedTo(Member member) {
        String email = Invitation.normalize(member.email);
        if (email == null || email.isBlank()) {
            return Invitation.list("from Invitation i join fetch i.company where i.member.id = ?1 order by i.invitedAt, i.id", member.id);
        }
        return Invitation.list("from Invitation i join fetch i.company where i.member.id = ?1 or i.email = ?2 order by i.invitedAt, i.id",
                member.id, email);
    }

    @Override
    public Object export(Member member) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("received", addressedTo(member).stream().map(i -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", i.id);
            row.put("company", i.company.name);
            row.put("email", i.email);
            row.put("name", i.name);
            row.put("invitedAt", text(i.invitedAt));
            row.put("lastEmailedAt", text(i.lastSentAt));
            row.put("status", i.status.name());
            row.put("acceptedAt", text(i.acceptedAt));
            row.put("withdrawnAt", text(i.withdrawnAt));
            return row;
        }).toList());
        section.put("sentAsCompanyAdmin", Invitation.<Invitation> list("from Invitation i join fetch i.company where i.invitedBy.id = ?1"
                + " order by i.invitedAt, i.id", member.id).stream().map(i -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", i.id);
                    row.put("company", i.company.name);
                    row.put("invitedAt", text(i.invitedAt));
                    row.put("status", i.status.name());
                    row.put("member", i.member == null ? null : i.member.id);
                    return row;
                }).toList());
        return section;
    }

    @Override
    public void erase(Member member) {
        for (Invitation invitation : addressedTo(member)) {
            if (invitation.isPending()) {
                invitation.status = Invitation.Status.WITHDRAWN;
                invitation.withdrawnAt = time.now();
            }
            invitation.email = null;
            invitation.pendingEmail = null;
            invitation.name = null;
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
