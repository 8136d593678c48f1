package io.github.devopsconnector.core;

import java.util.Arrays;
import java.util.List;
import org.immutables.value.Value;

/**
 * Which Azure DevOps organizations a connector onboards: all existing ones, all existing and future ones
 * (auto-discovery), or an explicit list. In ARM the first two are {@code autoDiscovery} {@code Disabled} with
 * every organization listed, and {@code Enabled}; an explicit list is {@code topLevelInventoryList}.
 */
@Value.Immutable
public abstract class OrganizationSelection {

  OrganizationSelection() {}

  /** The three kinds of selection. */
  public enum Kind {
    /** Every organization the authorizing user administers today. */
    ALL_EXISTING,
    /** Every organization the authorizing user administers, today and later (auto-discovery). */
    ALL_EXISTING_AND_FUTURE,
    /** The listed organizations only. */
    EXPLICIT
  }

  /** The kind of selection. */
  public abstract Kind kind();

  /** The listed organizations; empty unless {@link #kind()} is {@link Kind#EXPLICIT}. */
  public abstract List<OrganizationName> organizations();

  /** Whether new organizations are onboarded as they appear. */
  public final boolean autoDiscovery() {
    return kind() == Kind.ALL_EXISTING_AND_FUTURE;
  }

  /** Whether an organization is selected by this selection, given the organizations that exist. */
  public final boolean includes(OrganizationName organization) {
    return kind() != Kind.EXPLICIT || organizations().contains(organization);
  }

  /** All existing organizations. */
  public static OrganizationSelection allExisting() {
    return ImmutableOrganizationSelection.builder().kind(Kind.ALL_EXISTING).build();
  }

  /** All existing and future organizations. */
  public static OrganizationSelection allExistingAndFuture() {
    return ImmutableOrganizationSelection.builder().kind(Kind.ALL_EXISTING_AND_FUTURE).build();
  }

  /**
   * Exactly these organizations.
   *
   * @throws IllegalArgumentException if the list is empty or has duplicates (names compare ignoring case);
   *     {@link ConnectorBuilder} reports the same as {@link FindingCode#ORGANIZATION_SELECTION_INVALID}
   */
  public static OrganizationSelection explicit(List<OrganizationName> organizations) {
    return ImmutableOrganizationSelection.builder().kind(Kind.EXPLICIT).addAllOrganizations(organizations).build();
  }

  /**
   * Exactly these organizations, parsed from their names.
   *
   * @throws IllegalArgumentException if the array is null, a name is invalid (see {@link OrganizationName}), the
   *     list is empty or has duplicates
   */
  public static OrganizationSelection explicit(String... organizations) {
    if (organizations == null) {
      throw new IllegalArgumentException("The organization list is missing.");
    }
    return explicit(Arrays.stream(organizations).map(OrganizationName::parse).collect(java.util.stream.Collectors.toList()));
  }

  @Value.Check
  final void check() {
    if (kind() != Kind.EXPLICIT) {
      if (!organizations().isEmpty()) {
        throw new IllegalArgumentException("Only an explicit selection lists organizations.");
      }
      return;
    }
    if (organizations().isEmpty()) {
      throw new IllegalArgumentException("An explicit organization selection must name at least one organization.");
    }
    if (new java.util.HashSet<>(organizations()).size() != organizations().size()) {
      throw new IllegalArgumentException("An explicit organization selection must not name an organization twice.");
    }
  }

  @Override
  public String toString() {
    switch (kind()) {
      case ALL_EXISTING:
        return "all existing organizations";
      case ALL_EXISTING_AND_FUTURE:
        return "all existing and future organizations";
      default:
        return "organizations " + organizations();
    }
  }
}
