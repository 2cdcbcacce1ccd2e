package org.owlet.catalog.view;

import java.util.List;

/** A course in one language as learners may see it: structure, lessons and items without answer keys. */
public record CourseView(String id, String version, String contentHash, String language, List<String> languages,
        String title, String summary, int passMark, int certificateValidityMonths, int renewalWindowDays,
        List<ModuleView> modules, List<ItemView> items) {

    /**
     * One module. {@code itemIds} is the deck (drill) or pool (quiz, final); {@code html} is a lesson's
     * rendered text; the assessment fields are set for quizzes and the final assessment only.
     */
    public record ModuleView(String id, String kind, String title, String html, List<String> itemIds, Integer draw,
            Integer passMark, Integer maxAttempts, Integer coolDownHours, List<String> gateLessonsRead,
            List<String> gateQuizzesAttempted) {
    }

    /** A line of the course list. */
    public record Summary(String id, String version, String contentHash, String title, String summary,
            List<String> languages) {
    }
}
