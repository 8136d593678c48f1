package io.github.devopsconnector.testing.assertj;

import io.github.devopsconnector.core.discovery.DiscoveryTotals;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.OrganizationInventory;
import java.util.Objects;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on an {@link Inventory}; start with {@link ConnectorAssertions#assertThat(Inventory)}. */
public final class InventoryAssert extends AbstractAssert<InventoryAssert, Inventory> {

  InventoryAssert(Inventory actual) {
    super(actual, InventoryAssert.class);
  }

  /**
   * Checks the totals of what was discovered.
   *
   * @param organizations organizations discovered
   * @param projects projects
   * @param repositories repositories
   * @param pipelines pipelines
   * @return this assertion
   */
  public InventoryAssert hasTotals(long organizations, long projects, long repositories, long pipelines) {
    isNotNull();
    DiscoveryTotals totals = actual.totals();
    if (totals.organizations() != organizations || totals.projects() != projects
        || totals.repositories() != repositories || totals.pipelines() != pipelines) {
      failWithMessage("Expected %d organizations, %d projects, %d repositories and %d pipelines, but found %d, %d, "
              + "%d and %d:%n%s", organizations, projects, repositories, pipelines, totals.organizations(),
          totals.projects(), totals.repositories(), totals.pipelines(), describe(actual));
    }
    return this;
  }

  /**
   * Checks that every organization was discovered completely: none failed or was cut short.
   *
   * @return this assertion
   */
  public InventoryAssert isComplete() {
    isNotNull();
    if (!actual.isComplete()) {
      failWithMessage("Expected a complete inventory, but:%n%s", describe(actual));
    }
    return this;
  }

  /**
   * Checks that the organization is in the inventory with these counts.
   *
   * @param organization its name (ignoring case)
   * @param projects projects
   * @param repositories repositories
   * @param pipelines pipelines
   * @return this assertion
   */
  public InventoryAssert hasOrganization(String organization, int projects, int repositories, int pipelines) {
    isNotNull();
    Objects.requireNonNull(organization, "organization");
    OrganizationInventory found = actual.organizations().stream()
        .filter(o -> o.name().value().equalsIgnoreCase(organization)).findFirst().orElse(null);
    if (found == null) {
      failWithMessage("Expected the organization \"%s\" in the inventory, but:%n%s", organization, describe(actual));
    } else if (found.projects().size() != projects || found.repositories().size() != repositories
        || found.pipelines().size() != pipelines) {
      failWithMessage("Expected %s to have %d projects, %d repositories and %d pipelines, but:%n%s", organization,
          projects, repositories, pipelines, describe(actual));
    }
    return this;
  }

  static String describe(Inventory inventory) {
    return inventory.organizations().stream()
        .map(o -> "  " + o.name().value() + " " + o.status() + ": " + o.projects().size() + " projects, "
            + o.repositories().size() + " repositories, " + o.pipelines().size() + " pipelines"
            + o.outcome().error().map(e -> "; failed: " + e).orElse("")
            + (o.outcome().findings().isEmpty() ? "" : "\n" + Describe.findings(o.outcome().findings())))
        .collect(Collectors.joining("\n", "", inventory.organizations().isEmpty() ? "  (no organizations)" : ""));
  }
}
