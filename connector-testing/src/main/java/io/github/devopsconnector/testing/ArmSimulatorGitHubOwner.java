package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.github.GitHubRole;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * A GitHub owner as the {@link ArmSimulator} knows it for GitHub connectors: reachable with the authorizing
 * identity's GitHub authorization, perhaps already onboarded by another connector of the tenant, with its
 * repositories.
 */
@Value.Immutable
public abstract class ArmSimulatorGitHubOwner {

  ArmSimulatorGitHubOwner() {}

  /** The owner's login. */
  public abstract String name();

  /** Whether a connector outside the simulator already onboarded it ({@code OnboardedByOtherConnector}). */
  @Value.Default
  public boolean onboardedByOtherConnector() {
    return false;
  }

  /** The names of its repositories the connector sees, in order. */
  public abstract List<String> repositories();

  /** An owner without repositories. */
  public static ArmSimulatorGitHubOwner of(String name, String... repositories) {
    return builder().name(name).addRepositories(repositories).build();
  }

  /** An owner that another connector of the tenant already onboarded. */
  public static ArmSimulatorGitHubOwner onboardedElsewhere(String name) {
    return builder().name(name).onboardedByOtherConnector(true).build();
  }

  /**
   * The owners of a {@link GitHubEstate} the user is an Owner of (those a GitHub connector can onboard), with the
   * repositories the Defender app can access, and the owners it says another connector onboarded.
   */
  public static List<ArmSimulatorGitHubOwner> fromEstate(GitHubEstate estate) {
    List<ArmSimulatorGitHubOwner> owners = new ArrayList<>();
    for (GitHubEstateOwner owner : estate.owners()) {
      if (!owner.role().filter(GitHubRole.ADMIN::equals).isPresent()) {
        continue;
      }
      Builder builder = builder().name(owner.login().value())
          .onboardedByOtherConnector(estate.onboardedElsewhere().contains(owner.login()));
      owner.appRepositories().forEach(repository -> builder.addRepositories(repository.name()));
      owners.add(builder.build());
    }
    return owners;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  final void check() {
    if (name().isBlank()) {
      throw new IllegalArgumentException("A GitHub owner's login must not be blank.");
    }
  }

  /** Builds {@link ArmSimulatorGitHubOwner}. */
  public static final class Builder extends ImmutableArmSimulatorGitHubOwner.Builder {
    Builder() {}
  }
}
