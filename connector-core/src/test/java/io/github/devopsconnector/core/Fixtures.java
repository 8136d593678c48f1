package io.github.devopsconnector.core;

/** Valid values the builder tests start from, so each test changes exactly one thing. */
final class Fixtures {
  static final String SUBSCRIPTION = "8b090c71-cfba-494d-87a6-e10b321a0d98";
  static final String TENANT = "3d1e4b5c-7a2f-4e8b-9c6d-0f1a2b3c4d5e";
  static final String OTHER_TENANT = "11111111-2222-3333-4444-555555555555";
  static final Identity OWNER = Identity.of("5f1c2a3e-0000-4000-8000-000000000001", "Ada Lovelace");

  private Fixtures() {}

  /** A builder with which {@code validate()} finds nothing. */
  static ConnectorBuilder valid() {
    return valid(DevOpsPlatform.AZURE_DEVOPS);
  }

  /** A builder for this platform with which {@code validate()} finds nothing. */
  static ConnectorBuilder valid(DevOpsPlatform platform) {
    return ConnectorBuilder.forPlatform(platform)
        .name("ado-connector")
        .subscription(SUBSCRIPTION)
        .resourceGroup("security-rg")
        .region("Central US")
        .tenant(TENANT)
        .owner(OWNER)
        .allExistingAndFutureOrganizations();
  }

  /** Facts with which an organization can be onboarded. */
  static OrganizationFacts.Builder goodFacts(String organization) {
    OrganizationFacts.Builder facts = OrganizationFacts.builder();
    facts.organization(OrganizationName.parse(organization))
        .projectCollectionAdministrator(true)
        .accessLevel(AccessLevel.BASIC)
        .oauthAppAccess(OAuthAppAccess.ON)
        .tenant(TenantId.parse(TENANT));
    return facts;
  }
}
