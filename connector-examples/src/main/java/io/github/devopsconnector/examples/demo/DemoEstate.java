package io.github.devopsconnector.examples.demo;

import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import io.github.devopsconnector.testing.ArmSimulatorOrganization;
import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.Estates;
import java.util.Optional;

/**
 * The demo's built-in world: one tenant, one subscription, two people, and five Azure DevOps organizations that
 * cover the usual reasons an organization is greyed out.
 *
 * <ul>
 *   <li>{@code fabrikam}: fine, with a few projects, repositories and pipelines;</li>
 *   <li>{@code northwind}: fine too (Project Collection Administrator through a nested group);</li>
 *   <li>{@code adventure-works}: the user is only a Stakeholder there;</li>
 *   <li>{@code tailspin}: the policy "Third-party application access via OAuth" is off;</li>
 *   <li>{@code woodgrove}: another connector of the tenant already onboarded it.</li>
 * </ul>
 */
final class DemoEstate {

  static final String TENANT = "3d1e4b5c-7a2f-4e8b-9c6d-0f1a2b3c4d5e";
  static final String SUBSCRIPTION = "8b090c71-cfba-494d-87a6-e10b321a0d98";
  static final String RESOURCE_GROUP = "security-rg";
  static final String CONNECTOR_NAME = "ado-connector-demo";

  /** The connector's creator and first owner; also the signed-in Azure DevOps user. */
  static final Identity OWNER = Identity.of("ada@fabrikam.example", "Ada Lovelace");
  /** A colleague who takes the connector over. */
  static final Identity TAKER = Identity.of("grace@fabrikam.example", "Grace Hopper");

  static final OrganizationName FABRIKAM = OrganizationName.parse("fabrikam");
  static final OrganizationName NORTHWIND = OrganizationName.parse("northwind");
  static final OrganizationName ADVENTURE_WORKS = OrganizationName.parse("adventure-works");
  static final OrganizationName TAILSPIN = OrganizationName.parse("tailspin");
  static final OrganizationName WOODGROVE = OrganizationName.parse("woodgrove");

  /** The other connector of the tenant, which onboarded {@code woodgrove}. */
  static final String OTHER_CONNECTOR_ID = "/subscriptions/" + SUBSCRIPTION
      + "/resourceGroups/platform-rg/providers/Microsoft.Security/securityConnectors/platform-team-ado";

  private static final String ADO_USER_ID = "5a7c0a0e-1f6b-4b8e-9a9f-3c1e4b2d6f10";

  private DemoEstate() {}

  static TenantId tenant() {
    return TenantId.parse(TENANT);
  }

  /** The Azure DevOps organizations as the signed-in user sees them. */
  static Estate estate() {
    return Estates.builder()
        .tenant(TENANT)
        .user(ADO_USER_ID, OWNER.displayName().orElseThrow(), OWNER.id())
        .organization(FABRIKAM.value(), org -> org
            .project("web", p -> p.repositories("storefront", "checkout-api", "design-system")
                .pipelines("storefront-ci", "checkout-ci", "release"))
            .project("platform", p -> p.repositories("terraform", "helm-charts").pipelines("infra-plan"))
            .project("data", p -> p.repositories("etl").emptyRepository("notebooks").pipelines("nightly-etl")))
        .organization(NORTHWIND.value(), org -> org
            .administratorThroughNestedGroup()
            .project("mobile", p -> p.repositories("ios-app", "android-app").pipelines("mobile-ci")))
        .organization(ADVENTURE_WORKS.value(), org -> org
            .accessLevel(AccessLevel.STAKEHOLDER)
            .project("bikes", p -> p.repositories("catalog").pipelines("catalog-ci")))
        .organization(TAILSPIN.value(), org -> org
            .oauth(OAuthAppAccess.OFF)
            .project("toys", p -> p.repositories("shop")))
        .organization(WOODGROVE.value(), org -> org
            .project("banking", p -> p.repositories("core-banking", "payments").pipelines("payments-ci")))
        .onboardedElsewhere(WOODGROVE.value())
        // The demo discovers all existing organizations: that takes a token for all of them.
        .tokenForAllOrganizations()
        .build();
  }

  /**
   * The ARM simulator's view: the same organizations (woodgrove as {@code OnboardedByOtherConnector}), and
   * long-running writes that report {@code InProgress} twice before they end, so the polling shows.
   */
  /**
   * The GitHub estate of the demo: {@code contoso-gh}, where the Defender app can access selected repositories only
   * until {@code allRepositories}; {@code fabrikam-gh}; {@code litware-gh}, where the user is only a member; and
   * {@code woodgrove-gh}, onboarded by another connector.
   */
  static io.github.devopsconnector.testing.GitHubEstate gitHubEstate(boolean allRepositories) {
    String json = ("{'platform': 'gitHub', 'tenantId': '" + TENANT + "',"
        + " 'user': {'login': 'ada-lovelace', 'id': 1815, 'name': 'Ada Lovelace'},"
        + " 'onboardedElsewhere': ['woodgrove-gh'],"
        + " 'owners': ["
        + "  {'login': 'contoso-gh', 'type': 'Organization', 'role': 'admin', 'plan': 'enterprise',"
        + "   'app': '" + (allRepositories ? "all" : "selected") + "',"
        + "   'repositories': [{'name': 'payments', 'private': true}, {'name': 'legacy-portal', 'private': true,"
        + "     'archived': true}], 'generate': {'repositories': 118, 'seed': 11}},"
        + "  {'login': 'fabrikam-gh', 'type': 'Organization', 'role': 'admin', 'plan': 'team', 'app': 'all',"
        + "   'repositories': [{'name': 'web', 'private': false}, {'name': 'api', 'private': true}]},"
        + "  {'login': 'litware-gh', 'type': 'Organization', 'role': 'member', 'plan': 'free', 'app': 'all',"
        + "   'repositories': [{'name': 'docs', 'private': false}]},"
        + "  {'login': 'woodgrove-gh', 'type': 'Organization', 'role': 'admin', 'plan': 'team', 'app': 'all',"
        + "   'repositories': [{'name': 'bank', 'private': true}]}]}").replace('\'', '"');
    return io.github.devopsconnector.testing.EstateFiles.parseGitHub(json);
  }

  /**
   * The GitLab estate of the demo ({@code gitlab-estate.json} beside this class): {@code contoso-gl} with subgroups
   * two levels deep, {@code fabrikam-gl}, {@code litware-gl} where the user is a Maintainer, {@code tailspin-gl} on
   * GitLab Premium, and {@code woodgrove-gl}, onboarded by another connector.
   */
  static io.github.devopsconnector.testing.GitLabEstate gitLabEstate() {
    try (java.io.InputStream in = DemoEstate.class.getResourceAsStream("gitlab-estate.json")) {
      io.github.devopsconnector.testing.GitLabEstate estate =
          io.github.devopsconnector.testing.EstateFiles.readGitLab(java.util.Objects.requireNonNull(in, "estate"));
      DemoFailure.expect(estate.tenantId().value().equals(TENANT), "the GitLab estate is of another tenant");
      return estate;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static ArmSimulatorOptions armOptions(Estate estate) {
    return ArmSimulatorOptions.builder()
        .addAllOrganizations(ArmSimulatorOrganization.fromEstate(estate))
        .addAllGitHubOwners(io.github.devopsconnector.testing.ArmSimulatorGitHubOwner.fromEstate(gitHubEstate(true)))
        .gitLabEstate(gitLabEstate())
        .pollsBeforeCompletion(2)
        .build();
  }

  /** The person with this id, with their display name, for the ARM store's owner resolver. */
  static Identity person(Optional<Identity> fromArm) {
    Identity identity = fromArm.orElseThrow(() -> new IllegalStateException("ARM did not say who owns the connector."));
    for (Identity known : new Identity[] {OWNER, TAKER}) {
      if (known.equals(identity)) {
        return known;
      }
    }
    return identity;
  }
}
