package org.owlet.identity;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of the account pages. English in i18n/identity_en.properties. */
@MessageBundle(value = "identity", locale = "en")
public interface IdentityMessages {

    @Message String me_title();
    @Message String me_name();
    @Message String me_subject();
    @Message String me_email();
    @Message String me_roles();
    @Message String role_learner();
    @Message String role_company_admin();
    @Message String role_coalition_admin();
    @Message String me_organization_claim();
    @Message String me_email_verified_claim();
    @Message String me_member_since();
    @Message String me_company();
    @Message String me_company_none();
    @Message String me_company_later();
    @Message String session_expired();
}
