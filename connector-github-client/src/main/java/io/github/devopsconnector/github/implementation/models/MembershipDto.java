package io.github.devopsconnector.github.implementation.models;

/**
 * An organization membership ({@code GET /user/memberships/orgs},
 * docs.github.com/rest/orgs/members#list-organization-memberships-for-the-authenticated-user).
 *
 * @param state {@code active} or {@code pending}
 * @param role {@code admin} (an Owner) or {@code member}
 * @param organization the organization
 */
public record MembershipDto(String state, String role, AccountDto organization) {}
