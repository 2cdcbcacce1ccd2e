package org.owlet.learning;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of the learner's pages. English in i18n/learn_en.properties. */
@MessageBundle(value = "learn", locale = "en")
public interface LearnMessages {
    @Message String catalog_title();
    @Message String catalog_none();
    @Message String catalog_due(String date);
    @Message String catalog_progress(int percent);
    @Message String catalog_continue();
    @Message String catalog_enrol();
    @Message String back_to_catalog();
    @Message String back_to_course();
    @Message String course_completed(String date);
    @Message String kind_lesson();
    @Message String kind_drill();
    @Message String kind_quiz();
    @Message String kind_final();
    @Message String state_todo();
    @Message String state_progress();
    @Message String state_done();
    @Message String state_open();
    @Message String state_locked();
    @Message String final_rules(int mark, int left);
    @Message String final_cooldown(String when);
    @Message String final_gate();
    @Message String lesson_done();
    @Message String lesson_next();
    @Message String drill_counter(int due, int fresh, int mastered, int total);
    @Message String drill_nothing_due(int mastered, int total);
    @Message String drill_practice();
    @Message String answer_submit();
    @Message String answer_save();
    @Message String choose_all();
    @Message String answer_true();
    @Message String answer_false();
    @Message String hotspot_hint();
    @Message String hotspot_regions();
    @Message String listing_label();
    @Message String listing_market(String market);
    @Message String listing_policy();
    @Message String triage_phrases();
    @Message String triage_decision();
    @Message String decision_allow();
    @Message String decision_remove();
    @Message String decision_escalate();
    @Message String feedback_title();
    @Message String feedback_right();
    @Message String feedback_wrong();
    @Message String feedback_partly(int percent);
    @Message String feedback_answer();
    @Message String feedback_decision();
    @Message String feedback_cue();
    @Message String feedback_sources();
    @Message String flag_red();
    @Message String flag_harmless();
    @Message String flag_you_marked();
    @Message String flag_you_missed();
    @Message String next_card();
    @Message String next_question();
    @Message String question_of(int number, int total);
    @Message String question_number(int number);
    @Message String final_no_feedback();
    @Message String review_title();
    @Message String review_intro();
    @Message String review_answered();
    @Message String review_unanswered();
    @Message String review_submit();

    @Message String review_quiz_intro();
    @Message String result_title();
    @Message String result_score(int percent);
    @Message String result_passed(int mark);
    @Message String result_failed(int mark);
    @Message String result_review();
    @Message String result_details();
    @Message String not_allowed_title();
    @Message String not_allowed_gate();
    @Message String not_allowed_attempts();
    @Message String not_allowed_cooldown();
    @Message String not_allowed_passed();
    @Message String not_allowed_closed();
    @Message String not_allowed_question();

    @Message String answer_too_large();
}
