package org.owlet.organization;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of the company, team, audit and account pages. English in i18n/org_en.properties. */
@MessageBundle(value = "org", locale = "en")
public interface OrganizationMessages {

    @Message String companies_title();
    @Message String companies_new();
    @Message String companies_col_name();
    @Message String companies_col_region();
    @Message String companies_col_country();
    @Message String companies_col_domains();
    @Message String companies_col_organization();
    @Message String companies_col_members();
    @Message String companies_col_joined();
    @Message String companies_col_status();
    @Message String companies_active();
    @Message String companies_inactive();
    @Message String companies_edit(String name);
    @Message String companies_deactivate(String name);
    @Message String companies_reactivate(String name);
    @Message String companies_none();

    @Message String company_new_title();
    @Message String company_edit_title(String name);
    @Message String company_name();
    @Message String company_slug();
    @Message String company_slug_hint();
    @Message String company_region();
    @Message String company_region_choose();
    @Message String company_country();
    @Message String company_country_hint();
    @Message String company_alias();
    @Message String company_alias_hint();
    @Message String company_domains();
    @Message String company_domains_hint();
    @Message String company_joined_on();
    @Message String company_save();
    @Message String company_cancel();
    @Message String error_summary_title();

    @Message String company_error_name_required();
    @Message String company_error_name_too_long();
    @Message String company_error_slug_format();
    @Message String company_error_slug_taken();
    @Message String company_error_region();
    @Message String company_error_country();
    @Message String company_error_alias_format();
    @Message String company_error_alias_taken();
    @Message String company_error_domain_format();
    @Message String company_error_domain_public();
    @Message String company_error_domain_taken();
    @Message String company_error_joined_on();
    @Message String company_error_body();

    @Message String region_africa();
    @Message String region_asia();
    @Message String region_europe();
    @Message String region_north_america();
    @Message String region_south_america();
    @Message String region_oceania();

    @Message String team_title(String company);
    @Message String team_count(int count);
    @Message String team_search_label();
    @Message String team_search_button();
    @Message String team_export_csv();
    @Message String team_col_name();
    @Message String team_col_email();
    @Message String team_col_member_since();
    @Message String team_col_company_since();
    @Message String team_col_actions();
    @Message String team_remove(String name);
    @Message String team_none();
    @Message String team_error_remove_self();
    @Message String team_removed_title();
    @Message String team_removed_hint();
    @Message String team_readd(String name);

    @Message String audit_title();
    @Message String audit_col_at();
    @Message String audit_col_actor();
    @Message String audit_col_action();
    @Message String audit_col_company();
    @Message String audit_col_target();
    @Message String audit_col_details();
    @Message String audit_none();
    @Message String audit_filter_apply();

    @Message String account_data_title();
    @Message String account_download();
    @Message String account_download_hint();
    @Message String account_erase_link();
    @Message String erase_title();
    @Message String erase_explain();
    @Message String erase_keeps();
    @Message String erase_confirm_label(String word);
    @Message String erase_confirm_mistyped(String word);
    @Message String erase_button();
    @Message String erase_cancel();

    @Message String several_title();
    @Message String several_text(String organizations);
    @Message String reason_no_company();
}
