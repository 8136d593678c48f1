package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Entry point for writing {@link Estate}s in code, and the deterministic ids estates use.
 *
 * <pre>{@code
 * Estate estate = Estates.builder()
 *     .tenant("72f988bf-86f1-41af-91ab-2d7cd011db47")
 *     .user("5a7c0a0e-1f6b-4b8e-9a9f-3c1e4b2d6f10", "Jamie Rivera", "jamie@fabrikam.example")
 *     .organization("fabrikam", org -> org
 *         .accessLevel(AccessLevel.STAKEHOLDER)
 *         .projectCollectionAdministrator(false)
 *         .oauth(OAuthAppAccess.OFF)
 *         .project("web", p -> p.repositories("api", "ui").pipelines("ci")))
 *     .onboardedElsewhere("contoso")
 *     .build();
 * }</pre>
 */
public final class Estates {

  /**
   * The connector {@link #tenantRegistry(Estate)} records as the holder of the estate's
   * {@code onboardedElsewhere} organizations: another connector of the tenant, in another resource group.
   */
  public static final ConnectorId ELSEWHERE_CONNECTOR_ID = ConnectorId.parse(
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/other-rg/providers/Microsoft.Security/"
          + "securityConnectors/other-connector");

  private Estates() {}

  /**
   * A new tenant registry in which every organization of {@link Estate#onboardedElsewhere()} is held, in the
   * estate's tenant, by {@link #ELSEWHERE_CONNECTOR_ID}: what a preflight or an edit session of this estate should
   * see. Each call returns a new registry.
   *
   * <pre>{@code
   * PreflightReport preflight = Preflight.builder()
   *     .client(InMemoryAzureDevOpsClient.of(estate))
   *     .tenantRegistry(Estates.tenantRegistry(estate))
   *     .build()
   *     .check(connector);
   * }</pre>
   *
   * @param estate the estate
   * @return a registry holding the organizations onboarded elsewhere
   */
  public static InMemoryTenantRegistry tenantRegistry(Estate estate) {
    Objects.requireNonNull(estate, "estate");
    InMemoryTenantRegistry registry = new InMemoryTenantRegistry();
    for (OrganizationName organization : estate.onboardedElsewhere()) {
      registry.claim(estate.tenantId(), organization, ELSEWHERE_CONNECTOR_ID);
    }
    return registry;
  }

  /** A builder for an estate. */
  public static EstateBuilder builder() {
    return new EstateBuilder();
  }

  /**
   * The id of a project: {@link UUID#nameUUIDFromBytes(byte[])} of {@code project:{org}/{project}} in lower case,
   * so the same names always give the same id (Azure DevOps names are case-insensitive).
   */
  public static String projectId(String organization, String project) {
    return nameId("project:" + require(organization, "organization") + "/" + require(project, "project"));
  }

  /** The id of a repository: like {@link #projectId(String, String)}, of {@code repository:{org}/{project}/{repo}}. */
  public static String repositoryId(String organization, String project, String repository) {
    return nameId("repository:" + require(organization, "organization") + "/" + require(project, "project") + "/"
        + require(repository, "repository"));
  }

  private static String nameId(String path) {
    return UUID.nameUUIDFromBytes(path.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String require(String value, String what) {
    return Objects.requireNonNull(value, () -> "The " + what + " name is missing.");
  }
}
