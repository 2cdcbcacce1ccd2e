package org.owlet.reporting;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of the item analysis page and the coded-term list links. English in i18n/analysis_en.properties. */
@MessageBundle(value = "analysis", locale = "en")
public interface AnalysisMessages {

    @Message String analysis_title();
    @Message String analysis_back();
    @Message String analysis_lead();
    @Message String analysis_review_link();
    @Message String analysis_course();
    @Message String analysis_kind();
    @Message String analysis_kind_final();
    @Message String analysis_kind_quiz();
    @Message String analysis_kind_both();
    @Message String analysis_kind_unknown();
    @Message String analysis_apply();
    @Message String analysis_export();
    @Message String analysis_summary(int items, int answers, int flagged);
    @Message String analysis_none();
    @Message String analysis_caption(String course);
    @Message String analysis_definitions();
    @Message String analysis_def_answers();
    @Message String analysis_def_facility();
    @Message String analysis_def_discrimination();
    @Message String analysis_def_choices();
    @Message String analysis_def_median();
    @Message String analysis_def_flag(int min, String facilityGap, String discriminationGap);
    @Message String analysis_col_item();
    @Message String analysis_col_language();
    @Message String analysis_col_answers();
    @Message String analysis_col_facility();
    @Message String analysis_col_discrimination();
    @Message String analysis_col_median();
    @Message String analysis_col_choices();
    @Message String analysis_col_flag();
    @Message String analysis_all_languages();
    @Message String analysis_key();
    @Message String analysis_flagged();
    @Message String analysis_too_few(int min);
    @Message String analysis_differs_facility();
    @Message String analysis_differs_discrimination();
    @Message String codedterms_download();
    @Message String codedterms_hint();
    @Message String codedterms_unknown_language();
    @Message String codedterms_unknown_format();
}
