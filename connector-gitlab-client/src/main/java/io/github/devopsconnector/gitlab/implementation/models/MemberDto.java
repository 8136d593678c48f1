package io.github.devopsconnector.gitlab.implementation.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A member of a group, inherited memberships included ({@code GET /groups/:id/members/all/:user_id},
 * docs.gitlab.com/api/members#get-a-member-of-a-group-or-project-including-inherited-and-invited-members).
 *
 * @param id the user id
 * @param username the username
 * @param accessLevel the access level, as a number ({@code 50} Owner)
 */
public record MemberDto(Long id, String username, @JsonProperty("access_level") Integer accessLevel) {}
