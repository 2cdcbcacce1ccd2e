package org.owlet.organization;

/**
 * A member joined a company: at sign-in (organization claim or verified email domain) or re-added by a company admin.
 * Fired synchronously inside the transaction that attached them, so observers' writes land with it (invitations
 * become accepted).
 */
public record CompanyJoined(Member member, Company company) {
}
