package org.owlet.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.learning.Activity;
import org.owlet.learning.Submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Item analysis for course authors: reads the counted answers of submitted quiz and final attempts of one course (one
 * query; each attempt's total is summed in the database) and hands them to {@link ItemStatistics}. Reads no member: the
 * query selects neither member, person key nor company.
 */
@ApplicationScoped
public class ItemAnalysis {

    /** Which attempts are read. {@code FINAL} covers final assessments and refreshers (both draw from the final pool). */
    public enum Kind {
        FINAL(List.of(Activity.FINAL, Activity.REFRESHER)), QUIZ(List.of(Activity.QUIZ)), BOTH(
                List.of(Activity.FINAL, Activity.REFRESHER, Activity.QUIZ));

        final List<Activity> activities;

        Kind(List<Activity> activities) {
            this.activities = activities;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> of(String code) {
            for (Kind kind : values()) {
                if (kind.code().equals(code)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** An analysed item: the catalog's item (null when the course no longer has it) and its statistics. */
    public record Row(String itemId, Item item, ItemStatistics.ItemResult result) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** The statistics of every item of {@code course} answered in counted answers of submitted attempts of {@code kind}. */
    @Transactional
    public List<Row> of(Course course, Kind kind) {
        String kinds = kind.activities.stream().map(a -> "'" + a.code() + "'").collect(Collectors.joining(", "));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT a.item_id, a.language, a.score, t.total, a.response, a.shown_at, a.answered_at
                FROM answer a
                JOIN attempt att ON att.id = a.attempt_id
                JOIN (SELECT attempt_id, SUM(score) AS total FROM answer WHERE counted GROUP BY attempt_id) t
                  ON t.attempt_id = a.attempt_id
                WHERE a.counted AND att.submitted_at IS NOT NULL AND a.course_id = ?1 AND a.module_kind IN (%s)"""
                .formatted(kinds)).setParameter(1, course.id()).getResultList();
        List<ItemStatistics.Response> responses = new ArrayList<>();
        for (Object[] row : rows) {
            String itemId = (String) row[0];
            double score = ((Number) row[2]).doubleValue();
            double total = ((Number) row[3]).doubleValue();
            Instant shown = TeamFigures.instant(row[5]);
            Instant answered = TeamFigures.instant(row[6]);
            Duration time = shown == null || answered == null || answered.isBefore(shown) ? null : Duration.between(shown, answered);
            List<String> choices = course.item(itemId).map(item -> chosen(item, (String) row[4])).orElse(List.of());
            responses.add(new ItemStatistics.Response(itemId, (String) row[1], score, total - score, choices, time));
        }
        Map<String, List<String>> choices = new LinkedHashMap<>();
        course.items().values().forEach(item -> choices.put(item.id(), choices(item)));
        return ItemStatistics.compute(responses, choices).stream()
                .map(result -> new Row(result.itemId(), course.item(result.itemId()).orElse(null), result)).toList();
    }

    /**
     * What can be chosen in an item, in the author's order: option ids; a listing's decisions; {@code true} and
     * {@code false}; a hotspot's regions.
     */
    static List<String> choices(Item item) {
        if (item instanceof Item.ImageChoice i) {
            return ids(i.options());
        } else if (item instanceof Item.CodedTerm i) {
            return ids(i.options());
        } else if (item instanceof Item.SingleChoice i) {
            return ids(i.options());
        } else if (item instanceof Item.MultiChoice i) {
            return ids(i.options());
        } else if (item instanceof Item.ListingTriage) {
            return java.util.Arrays.stream(AnswerKey.Decision.values()).map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
        } else if (item instanceof Item.TrueFalse) {
            return List.of("true", "false");
        } else if (item instanceof Item.Hotspot h) {
            return h.regions().stream().map(Item.Region::id).toList();
        }
        return List.of();
    }

    /** What one stored response chose, among {@link #choices(Item)}; nothing for a blank or unreadable response. */
    List<String> chosen(Item item, String response) {
        Submission submission;
        try {
            submission = json.readValue(response, Submission.class);
        } catch (JsonProcessingException e) {
            return List.of();
        }
        List<String> chosen = new ArrayList<>();
        if (item instanceof Item.ListingTriage) {
            if (submission.decision() != null) {
                chosen.add(submission.decision().toLowerCase(Locale.ROOT));
            }
        } else if (item instanceof Item.TrueFalse) {
            if (submission.truth() != null) {
                chosen.add(submission.truth().toString());
            }
        } else if (item instanceof Item.Hotspot hotspot) {
            String region = submission.region();
            if (region == null && submission.x() != null && submission.y() != null) {
                double scale = submission.shownWidth() != null && submission.shownWidth() > 0
                        ? hotspot.image().width() / submission.shownWidth() : 1;
                Item.Region at = hotspot.regionAt(submission.x() * scale, submission.y() * scale);
                region = at == null ? null : at.id();
            }
            if (region != null) {
                chosen.add(region);
            }
        } else {
            chosen.addAll(submission.options());
        }
        List<String> known = choices(item);
        return chosen.stream().filter(known::contains).toList();
    }

    private static List<String> ids(List<Item.Option> options) {
        return options.stream().map(Item.Option::id).toList();
    }
}
