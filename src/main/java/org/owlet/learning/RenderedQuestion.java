package org.owlet.learning;

import java.time.Instant;
import java.util.Arrays;
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

import org.owlet.organization.Member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A question as the server rendered it to one learner: the item, where (a drill or an attempt), when, and the
 * order its options, regions or phrases were shown in. The page carries only its key; an answer refers to it.
 */
@Entity
@Table(name = "rendered_question")
public class RenderedQuestion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "question_key", nullable = false)
    public String key;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    public Member member;

    @Column(name = "course_id", nullable = false)
    public String courseId;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "module_kind", nullable = false)
    public Activity activity;

    @Column(name = "module_id", nullable = false)
    public String moduleId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "attempt_id")
    public Attempt attempt;

    @Column(name = "item_id", nullable = false)
    public String itemId;

    /** Option, region or phrase ids in the order shown, comma-separated (empty for items without any). */
    @Column(name = "option_order", nullable = false)
    public String optionOrder;

    @Column(name = "shown_at", nullable = false)
    public Instant shownAt;

    @Column(nullable = false)
    public boolean answered;

    public List<String> order() {
        return optionOrder.isEmpty() ? List.of() : Arrays.asList(optionOrder.split(","));
    }

    /** This member's rendered question with this key. */
    static Optional<RenderedQuestion> findByKey(Member member, String key) {
        return find("key = ?1 and member.id = ?2", key, member.id).firstResultOptional();
    }
}
