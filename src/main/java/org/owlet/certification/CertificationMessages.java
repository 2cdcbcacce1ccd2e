package org.owlet.certification;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of certificates (PDF) and the certificate pages. English in i18n/cert_en.properties. */
@MessageBundle(value = "cert", locale = "en")
public interface CertificationMessages {

    // the PDF
    @Message String pdf_heading();
    @Message String pdf_certifies();
    @Message String pdf_completed();
    @Message String pdf_details(String version, String score, String language);
    @Message String pdf_company(String company);
    @Message String pdf_issued(String date);
    @Message String pdf_valid_until(String date);
    @Message String pdf_revoked_on(String date);
    @Message String pdf_revoked();
    @Message String pdf_code(String code);
    @Message String pdf_verify_at(String url);
    @Message String pdf_qr_alt(String url);
    @Message String pdf_footer(String url);
    @Message String pdf_name_withheld();
    @Message String pdf_subject(String course);

    // the Open Badges credential
    @Message String badge_description(String course);
    @Message String badge_criteria(String course);

    // the public verification page
    @Message String verify_title();
    @Message String verify_status_valid();
    @Message String verify_status_expired();
    @Message String verify_status_revoked();
    @Message String verify_not_found_title();
    @Message String verify_not_found_text();
    @Message String verify_holder();
    @Message String verify_course();
    @Message String verify_issued();
    @Message String verify_valid_until();
    @Message String verify_issuer();
    @Message String verify_code();
    @Message String verify_revoked_on(String date);
    @Message String verify_name_withheld();
    @Message String verify_name_corrected(String date);
    @Message String verify_start_title();
    @Message String verify_start_text();
    @Message String verify_form_label();
    @Message String verify_form_button();
    @Message String verify_too_many_title();
    @Message String verify_too_many_text();

    // the learner's certificates
    @Message String mine_title();
    @Message String mine_none();
    @Message String mine_col_course();
    @Message String mine_col_status();
    @Message String mine_col_issued();
    @Message String mine_col_expires();
    @Message String mine_col_links();
    @Message String mine_download_pdf(String course);
    @Message String mine_badge(String course);
    @Message String mine_verify_link(String course);
    @Message String mine_renew_from(String date);
    @Message String mine_refresher();
    @Message String mine_renewed();
    @Message String mine_revoked_on(String date);
    @Message String mine_revoked_explain();
    @Message String mine_name_title();
    @Message String mine_name_explain();
    @Message String mine_name_label();
    @Message String mine_name_button();
    @Message String mine_name_error();
    @Message String mine_name_saved();
    @Message String mine_name_rules(int max);
    @Message String mine_name_limit();
    @Message String mine_error_summary_title();
    @Message String mine_editions_summary(int edition, String date);
    @Message String mine_edition_pdf(int edition, String name, String date);

    // company admins: due for renewal
    @Message String team_title(String company);
    @Message String team_explain();
    @Message String team_none();
    @Message String team_col_member();
    @Message String team_col_course();
    @Message String team_col_expires();
    @Message String team_col_status();
    @Message String team_filter_label();
    @Message String team_filter_due();
    @Message String team_filter_all();
    @Message String team_filter_valid();
    @Message String team_filter_expiring();
    @Message String team_filter_expired();
    @Message String team_filter_revoked();
    @Message String team_filter_apply();
    @Message String team_filter_none();

    // coalition admins: revocation
    @Message String admin_title();
    @Message String admin_none();
    @Message String admin_col_code();
    @Message String admin_col_holder();
    @Message String admin_col_company();
    @Message String admin_col_course();
    @Message String admin_col_issued();
    @Message String admin_col_status();
    @Message String admin_col_action();
    @Message String admin_reason_label(String code);
    @Message String admin_revoke_button();
    @Message String admin_reason_required();
    @Message String reason_not_renewable();
    @Message String reason_revoked();
    @Message String admin_revoked_reason(String reason);
    @Message String admin_revoke_confirm_title(String code);
    @Message String admin_revoke_confirm_explain();
    @Message String admin_revoke_confirm_button();
    @Message String admin_revoked_notice(String code, String course);
    @Message String admin_error_title();
    @Message String admin_search_label();
    @Message String admin_search_button();
    @Message String admin_search_none(String q);
    @Message String admin_name_title(String code);
    @Message String admin_name_explain();
    @Message String admin_name_reason_label();
    @Message String admin_name_reason_required();
    @Message String admin_name_button();
    @Message String admin_name_link();

    /** Text that cannot be stored as typed: see {@code org.owlet.web.StoredText}. */
    @Message String text_unreadable();
}
