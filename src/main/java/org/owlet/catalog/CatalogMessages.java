package org.owlet.catalog;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of the content review pages. English in i18n/catalog_en.properties. */
@MessageBundle(value = "catalog", locale = "en")
public interface CatalogMessages {

    @Message String review_title();
    @Message String review_lead();
    @Message String review_none();
    @Message String review_problems();
    @Message String review_col_course();
    @Message String review_col_version();
    @Message String review_col_languages();
    @Message String review_col_items();
    @Message String review_col_id();
    @Message String review_col_type();
    @Message String review_col_question();
    @Message String review_lessons();
    @Message String review_items();
    @Message String review_back();
    @Message String review_item_title(String id);
    @Message String review_lesson_title(String id);
    @Message String review_field();
    @Message String review_type();
    @Message String review_version();
    @Message String review_key();
    @Message String review_tags();
    @Message String review_sources();
    @Message String review_sample_title();
    @Message String review_sample_lead(int count, long seed);
    @Message String review_sample_again();
    @Message String review_sample_back();
    @Message String review_sample_link();
    @Message String review_integrity_link();
    @Message String review_images();
    @Message String review_missing();
    @Message String review_row_question();
    @Message String review_row_context();
    @Message String review_row_statement();
    @Message String review_row_term();
    @Message String review_row_option(String id);
    @Message String review_row_option_correct(String id);
    @Message String review_row_region(String id);
    @Message String review_row_region_target(String id);
    @Message String review_row_phrase(String id);
    @Message String review_row_phrase_flag(String id);
    @Message String review_row_listing_title();
    @Message String review_row_listing_body();
    @Message String review_row_location();
    @Message String review_row_policy(String id, String kind);
    @Message String review_row_policy_rule();
    @Message String review_row_explanation();
    @Message String review_row_cue();
    @Message String review_row_alt();
    @Message String review_row_description();
    @Message String review_key_true();
    @Message String review_key_false();
    @Message String review_decision_allow();
    @Message String review_decision_remove();
    @Message String review_decision_escalate();
}
