package org.owlet.certification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.owlet.organization.AuditLog;
import org.owlet.organization.Member;
import org.owlet.organization.PersonalData;

/**
 * Certificates (and their earlier editions) in a member's data export; on erasure the name is withheld (in earlier
 * editions and name-correction audit entries too) but the certificate stays, so that a
 * company or regulator can still confirm it (course, dates, status) with its code, and the coalition's counts stay.
 */
@ApplicationScoped
public class CertificatePersonalData implements PersonalData {

    @Inject
    CertificationService certificates;

    @Inject
    AuditLog audit;

    @Override
    public String name() {
        return "certificates";
    }

    @Override
    public Set<String> tables() {
        return Set.of(PersonalData.tableOf(Certificate.class), PersonalData.tableOf(CertificateEdition.class));
    }

    @Override
    public Object export(Member member) {
        List<Map<String, Object>> list = new ArrayList<>();
        List<Certificate> mine = Certificate.ofMember(member);
        Map<Long, List<CertificateEdition>> editions = certificates.earlierEditions(mine);
        for (Certificate c : mine) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c.id);
            row.put("verificationCode", c.displayCode());
            row.put("verificationUrl", certificates.verifyUrl(c));
            row.put("holderName", c.holderName);
            row.put("course", c.courseId);
            row.put("courseTitle", c.courseTitle);
            row.put("courseVersion", c.courseVersion);
            row.put("language", c.language);
            row.put("score", c.score);
            row.put("company", c.companyName);
            row.put("issuedOn", c.issuedOn.toString());
            row.put("expiresOn", c.expiresOn.toString());
            row.put("renews", c.renews == null ? null : c.renews.id);
            row.put("status", c.status(certificates.today()).name().toLowerCase(java.util.Locale.ROOT));
            row.put("revokedReason", c.revokedReason);
            row.put("edition", c.edition);
            row.put("earlierEditions", editions.getOrDefault(c.id, List.of()).stream().map(e -> {
                Map<String, Object> edition = new LinkedHashMap<>();
                edition.put("edition", e.edition);
                edition.put("holderName", e.holderName);
                edition.put("issuedAt", e.issuedAt.toString());
                edition.put("replacedAt", e.replacedAt.toString());
                return edition;
            }).toList());
            list.add(row);
        }
        return list;
    }

    @Override
    public void erase(Member member) {
        Certificate.update("holderName = null where member.id = ?1", member.id);
        CertificateEdition.update("holderName = null where certificate.id in (select c.id from Certificate c where c.member.id = ?1)",
                member.id);
        // the audit entries of name corrections stay (what was done, when), without the names
        audit.replaceDetails(CertificationService.NAME_CORRECTED, member, "names withheld after erasure");
    }
}
