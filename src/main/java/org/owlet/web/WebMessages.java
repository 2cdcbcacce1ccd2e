package org.owlet.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of the layout, the welcome page and the error pages. English in i18n/web_en.properties. */
@MessageBundle(value = "web", locale = "en")
public interface WebMessages {

    @Message String app_name();
    @Message String layout_skip();
    @Message String layout_language();
    @Message String layout_main_nav();
    @Message String layout_signin();
    @Message String layout_signout();
    @Message String layout_signed_in_as(String name);
    @Message String layout_footer();
    @Message String layout_verify();
    @Message String nav_home();
    @Message String nav_me();
    @Message String nav_learning();
    @Message String nav_courses();
    @Message String nav_team();
    @Message String nav_companies();
    @Message String nav_audit();
    @Message String nav_reports();
    @Message String nav_review();
    @Message String nav_certificates();
    @Message String nav_renewals();

    @Message String welcome_title();
    @Message String welcome_lead();
    @Message String welcome_learners();
    @Message String welcome_companies();
    @Message String welcome_coalition();
    @Message String welcome_start();

    @Message String error_400_title();
    @Message String error_400_text();
    @Message String error_invalid_title();
    @Message String error_invalid_text();
    @Message String error_field_invalid();
    @Message String error_401_title();
    @Message String error_401_text();
    @Message String error_403_title();
    @Message String error_403_text();
    @Message String error_404_title();
    @Message String error_404_text();
    @Message String error_405_title();
    @Message String error_405_text();
    @Message String error_409_title();
    @Message String error_409_text();
    @Message String error_415_title();
    @Message String error_415_text();
    @Message String error_4xx_title();
    @Message String error_4xx_text();
    @Message String error_500_title();
    @Message String error_500_text(String reference);
    @Message String error_503_title();
    @Message String error_503_text();
    @Message String error_downloads_busy_title();
    @Message String error_downloads_busy_text();
    @Message String error_back_home();
    @Message String confirm_cancel();

    // CSRF refusals (org.owlet.web.csrf.CsrfRefusal)
    @Message String csrf_cross_site_title();
    @Message String reason_cross_site();
    @Message String csrf_origin_required_title();
    @Message String reason_origin_required();
    @Message String csrf_form_expired_title();
    @Message String reason_form_expired();
    @Message String undo();
}
