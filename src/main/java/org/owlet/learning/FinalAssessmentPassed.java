package org.owlet.learning;

import java.time.Instant;

/**
 * Fired (CDI event, after the passing attempt is committed) when a learner passes a course's final
 * assessment or a refresher assessment. Learning never calls certification; certification observes this.
 *
 * @param memberId       the learner ({@code organization.Member} id)
 * @param companyId      the learner's company at the time of the attempt, or null for an individual learner
 * @param courseId       catalog course id
 * @param courseVersion  the course's declared version
 * @param contentHash    content hash of the exact course version taken
 * @param language       BCP 47 tag of the passing attempt's language (the completion's language)
 * @param score          0–1
 * @param attemptId      id of the passing attempt
 * @param refresher      true for a renewal refresher, false for the final assessment
 * @param passedAt       server time of the pass (UTC)
 */
public record FinalAssessmentPassed(long memberId, Long companyId, String courseId, String courseVersion,
        String contentHash, String language, double score, long attemptId, boolean refresher, Instant passedAt) {
}
