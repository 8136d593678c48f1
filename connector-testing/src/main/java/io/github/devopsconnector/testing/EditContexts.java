package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.discovery.OrganizationPreflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.edit.EditContext;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Edit contexts from what a preflight learned: the {@link OrganizationFacts} an {@link EditContext} needs to
 * decide whether an organization may be selected are exactly what {@code Preflight} read from Azure DevOps.
 *
 * <pre>{@code
 * PreflightReport preflight = Preflight.builder().client(ado).tenantRegistry(registry).build().check(connector);
 * EditContext context = EditContexts.withFactsOf(preflight)
 *     .store(new InMemoryConnectorStore())
 *     .tenantRegistry(registry)
 *     .build();
 * }</pre>
 */
public final class EditContexts {

  private EditContexts() {}

  /**
   * The facts of every organization the preflight could read, in the report's order. Organizations it could not
   * read (refused, failed) have none.
   *
   * @param preflight the report
   * @return the facts
   */
  public static List<OrganizationFacts> factsOf(PreflightReport preflight) {
    Objects.requireNonNull(preflight, "preflight");
    return preflight.organizations().stream()
        .map(OrganizationPreflight::facts)
        .flatMap(java.util.Optional::stream)
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * An edit context builder that already holds {@link #factsOf(PreflightReport)}; add the store and the tenant
   * registry.
   *
   * @param preflight the report
   * @return the builder
   */
  public static EditContext.Builder withFactsOf(PreflightReport preflight) {
    EditContext.Builder builder = EditContext.builder();
    builder.addAllOrganizationFacts(factsOf(preflight));
    return builder;
  }
}
