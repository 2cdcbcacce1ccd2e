package org.owlet.certification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An earlier edition of a certificate, kept when a name correction replaced it: the name it printed, so that it can
 * be drawn again exactly as it was. Everything else a certificate prints never changes. One row per edition and
 * certificate (a unique constraint), which also keeps two simultaneous corrections from both passing the limit.
 */
@Entity
@Table(name = "certificate_edition")
public class CertificateEdition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "certificate_id")
    public Certificate certificate;

    @Column(nullable = false)
    public int edition;

    /** The name this edition printed; null after erasure of the holder's personal data. */
    @Column(name = "holder_name")
    public String holderName;

    /** When this edition was issued (the certificate's issue, or the correction that made it). */
    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    /** When a name correction replaced it with the next edition. */
    @Column(name = "replaced_at", nullable = false)
    public Instant replacedAt;

    public static Optional<CertificateEdition> find(Certificate certificate, int edition) {
        return find("certificate.id = ?1 and edition = ?2", certificate.id, edition).firstResultOptional();
    }

    /** The earlier editions of these certificates, newest first within each. */
    public static List<CertificateEdition> of(Collection<Long> certificateIds) {
        if (certificateIds.isEmpty()) {
            return List.of();
        }
        return list("certificate.id in ?1 order by edition desc", certificateIds);
    }
}
