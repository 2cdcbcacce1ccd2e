package org.owlet.reporting.xapi;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A statement the sender tried to send to the LRS: sent, or failed and waiting for its next try. */
@Entity
@Table(name = "xapi_sent")
public class XapiSent extends PanacheEntityBase {

    public enum Status {
        SENT, FAILED
    }

    @Id
    @Column(name = "statement_id")
    public String statementId;

    @Enumerated(EnumType.STRING)
    @Column(name = "record_kind", nullable = false)
    public RecordKind recordKind;

    @Column(name = "record_id", nullable = false)
    public long recordId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The LRS's HTTP status; null when it could not be reached. */
    @Column(name = "http_status")
    public Integer httpStatus;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "first_tried_at", nullable = false)
    public Instant firstTriedAt;

    @Column(name = "last_tried_at", nullable = false)
    public Instant lastTriedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** A failed statement is not tried again before this time. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    public static XapiSent of(RecordKind kind, long recordId) {
        return find("recordKind = ?1 and recordId = ?2", kind, recordId).firstResult();
    }
}
