package io.github.devopsconnector.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * An Azure DevOps organization as the {@link ArmSimulator} knows it: reachable with the authorizing identity's token,
 * perhaps already onboarded by another connector of the tenant, with its projects and their repositories.
 */
@Value.Immutable
public abstract class ArmSimulatorOrganization {

  ArmSimulatorOrganization() {}

  /** The organization name. */
  public abstract String name();

  /** Whether a connector outside the simulator already onboarded it ({@code OnboardedByOtherConnector}). */
  @Value.Default
  public boolean onboardedByOtherConnector() {
    return false;
  }

  /** Project name to the names of its repositories, in order. */
  public abstract Map<String, List<String>> projects();

  /** An organization without projects. */
  public static ArmSimulatorOrganization of(String name) {
    return builder().name(name).build();
  }

  /** An organization that another connector of the tenant already onboarded. */
  public static ArmSimulatorOrganization onboardedElsewhere(String name) {
    return builder().name(name).onboardedByOtherConnector(true).build();
  }

  /**
   * The organizations of an {@link Estate}: its projects and repositories, and the organizations it says another
   * connector onboarded.
   */
  public static List<ArmSimulatorOrganization> fromEstate(Estate estate) {
    List<ArmSimulatorOrganization> organizations = new ArrayList<>();
    for (EstateOrganization organization : estate.organizations()) {
      Map<String, List<String>> projects = new LinkedHashMap<>();
      for (EstateProject project : organization.projects()) {
        List<String> repositories = new ArrayList<>();
        project.repositories().forEach(repository -> repositories.add(repository.name()));
        projects.put(project.name(), repositories);
      }
      organizations.add(builder()
          .name(organization.name().value())
          .onboardedByOtherConnector(estate.onboardedElsewhere().contains(organization.name()))
          .putAllProjects(projects)
          .build());
    }
    return organizations;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  final void check() {
    if (name().isBlank()) {
      throw new IllegalArgumentException("An organization name must not be blank.");
    }
  }

  /** Builds {@link ArmSimulatorOrganization}. */
  public static final class Builder extends ImmutableArmSimulatorOrganization.Builder {
    Builder() {}
  }
}
