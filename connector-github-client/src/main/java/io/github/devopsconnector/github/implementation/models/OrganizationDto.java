package io.github.devopsconnector.github.implementation.models;

/**
 * An organization ({@code GET /orgs/{org}}, docs.github.com/rest/orgs/orgs#get-an-organization); {@code plan} is
 * only in the full organization, which Owners see.
 *
 * @param login the login
 * @param id the id
 * @param plan the plan, when shown
 */
public record OrganizationDto(String login, Long id, PlanDto plan) {

  /**
   * An organization's plan.
   *
   * @param name {@code free}, {@code team}, {@code enterprise}, ...
   */
  public record PlanDto(String name) {}
}
