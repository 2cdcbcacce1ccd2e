package org.owlet.home;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of the learner's home and progress pages. English in i18n/home_en.properties. */
@MessageBundle(value = "home", locale = "en")
public interface HomeMessages {
    @Message String title();
    @Message String continue_title();
    @Message String continue_button();
    @Message String assigned_title();
    @Message String assigned_done();
    @Message String assigned_due(String date);
    @Message String assigned_overdue(String date);
    @Message String due_title();
    @Message String due_count(int count);
    @Message String all_courses();
    @Message String progress_link();
    @Message String progress_title();
    @Message String progress_completed(String date, String language);
    @Message String progress_lessons(int read, int total);
    @Message String progress_drill(String drill, int mastered, int total);
    @Message String col_module();
    @Message String col_score();
    @Message String col_result();
    @Message String col_date();
    @Message String col_language();
    @Message String passed();
    @Message String not_passed();
    @Message String progress_none();
    @Message String certificates_title();
    @Message String certificate_valid(String date);
    @Message String certificate_renew(String date);
    @Message String certificate_expired(String date);
    @Message String certificates_link();
    @Message String completed_title();
    @Message String completed_on(String date);
    @Message String first_title();
    @Message String first_step_choose();
    @Message String first_step_learn();
    @Message String first_step_final();
}
