package io.github.devopsconnector.arm.implementation;

import io.github.devopsconnector.arm.implementation.ArmDtos.AgentlessConfigurationDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.AuthorizationDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.CapabilityDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.DevOpsConfigurationDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.DevOpsConfigurationPropertiesDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.DevOpsResourceDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.DevOpsResourcePropertiesDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.GitHubResourceDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.GitHubResourcePropertiesDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.GitLabResourceDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.GitLabResourcePropertiesDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.EnvironmentDataDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.InventoryItemDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.OfferingDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.PermissionDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.ProviderDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.SecurityConnectorDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.SecurityConnectorPropertiesDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.SystemDataDto;
import io.github.devopsconnector.arm.models.AgentlessConfiguration;
import io.github.devopsconnector.arm.models.AgentlessInventoryItem;
import io.github.devopsconnector.arm.models.ArmSystemData;
import io.github.devopsconnector.arm.models.AutoDiscovery;
import io.github.devopsconnector.arm.models.AzureDevOpsOrganizationResource;
import io.github.devopsconnector.arm.models.GitHubOwnerResource;
import io.github.devopsconnector.arm.models.GitHubRepositoryResource;
import io.github.devopsconnector.arm.models.GitLabGroupResource;
import io.github.devopsconnector.arm.models.GitLabProjectResource;
import io.github.devopsconnector.arm.models.AzureDevOpsProjectResource;
import io.github.devopsconnector.arm.models.AzureDevOpsRepositoryResource;
import io.github.devopsconnector.arm.models.DevOpsConfiguration;
import io.github.devopsconnector.arm.models.DevOpsProvisioningState;
import io.github.devopsconnector.arm.models.OnboardingState;
import io.github.devopsconnector.arm.models.ResourceProviderRegistration;
import io.github.devopsconnector.arm.models.SecurityConnector;
import io.github.devopsconnector.core.AzurePermissions;
import io.github.devopsconnector.core.Offering;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps the DTOs ARM's JSON binds to ({@link ArmDtos}) to the public models, and the models' settings to request
 * DTOs. Unknown enum values are kept; blank texts read as absent. A resource without its {@code id} or
 * {@code name} is not a resource: the readers throw {@link MalformedException}, which the client reports as a
 * {@code DecodeException} with the response.
 */
public final class ArmModels {

  /** What logs see instead of the authorization code. */
  public static final String REDACTED = "****";

  private ArmModels() {}

  /** A payload that lacks what the API promises; the message completes "… with ", e.g. "a … that has no name". */
  public static final class MalformedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedException(String what) {
      super(what, null, false, false);
    }
  }

  private static Optional<String> text(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }

  private static String required(String value, String field, String what) {
    return text(value).orElseThrow(() -> new MalformedException(what + " that has no " + field));
  }

  private static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).collect(Collectors.toList());
  }

  // ------------------------------------------------------------------------------------------------ responses

  /** A security connector; the {@code ETag} header stands in when the body has no etag. */
  public static SecurityConnector securityConnector(SecurityConnectorDto dto, Optional<String> etagHeader) {
    String what = "a security connector";
    SecurityConnectorPropertiesDto properties = dto.properties();
    SecurityConnector.Builder builder = SecurityConnector.builder()
        .id(required(dto.id(), "id", what))
        .name(required(dto.name(), "name", what))
        .location(text(dto.location()).orElse(""))
        .etag(text(dto.etag()).or(() -> etagHeader.map(ArmModels::unquote)))
        .systemData(systemData(dto.systemData()));
    if (properties != null) {
      builder.hierarchyIdentifier(text(properties.hierarchyIdentifier()))
          .environmentName(text(properties.environmentName()))
          .environmentType(Optional.ofNullable(properties.environmentData())
              .flatMap(data -> text(data.environmentType())));
      listOf(properties.offerings()).forEach(o -> text(o.offeringType()).ifPresent(builder::addOfferingTypes));
    }
    if (dto.tags() != null) {
      dto.tags().forEach((name, value) -> builder.putTags(name, value == null ? "" : value));
    }
    return builder.build();
  }

  /** A DevOps configuration; the {@code ETag} header, when there is one, is its version. */
  public static DevOpsConfiguration devOpsConfiguration(DevOpsConfigurationDto dto, Optional<String> etagHeader) {
    String what = "a DevOps configuration";
    required(dto.name(), "name", what);
    DevOpsConfiguration.Builder builder = DevOpsConfiguration.builder()
        .id(required(dto.id(), "id", what))
        .etag(etagHeader.map(ArmModels::unquote).or(() -> text(dto.etag())))
        .systemData(systemData(dto.systemData()));
    DevOpsConfigurationPropertiesDto properties = dto.properties();
    if (properties != null) {
      builder.provisioningState(text(properties.provisioningState()).map(DevOpsProvisioningState::fromString))
          .provisioningStatusMessage(text(properties.provisioningStatusMessage()))
          .provisioningStatusUpdateTime(time(properties.provisioningStatusUpdateTimeUtc()))
          .autoDiscovery(text(properties.autoDiscovery()).map(AutoDiscovery::fromString))
          .addAllTopLevelInventoryList(listOf(properties.topLevelInventoryList()));
      for (CapabilityDto capability : listOf(properties.capabilities())) {
        text(capability.name()).ifPresent(name -> builder.putCapabilities(name,
            capability.value() == null ? "" : capability.value()));
      }
      if (properties.agentlessConfiguration() != null) {
        builder.agentlessConfiguration(agentless(properties.agentlessConfiguration()));
      }
    }
    return builder.build();
  }

  private static AgentlessConfiguration agentless(AgentlessConfigurationDto dto) {
    AgentlessConfiguration.Builder builder = AgentlessConfiguration.builder()
        .agentlessEnabled(text(dto.agentlessEnabled()))
        .agentlessAutoDiscovery(text(dto.agentlessAutoDiscovery()).map(AutoDiscovery::fromString))
        .inventoryListType(text(dto.inventoryListType()))
        .addAllScanners(listOf(dto.scanners()));
    for (InventoryItemDto item : listOf(dto.inventoryList())) {
      builder.addInventoryList(AgentlessInventoryItem.of(text(item.inventoryKind()).orElse(""),
          text(item.value()).orElse("")));
    }
    return builder.build();
  }

  /** An Azure DevOps organization under a connector. */
  public static AzureDevOpsOrganizationResource org(DevOpsResourceDto dto) {
    String what = "an Azure DevOps organization";
    DevOpsResourcePropertiesDto properties = properties(dto);
    return AzureDevOpsOrganizationResource.builder()
        .id(required(dto.id(), "id", what))
        .name(required(dto.name(), "name", what))
        .onboardingState(text(properties.onboardingState()).map(OnboardingState::fromString))
        .provisioningState(text(properties.provisioningState()).map(DevOpsProvisioningState::fromString))
        .actionableRemediationState(remediationState(properties))
        .build();
  }

  /** An Azure DevOps project under a connector. */
  public static AzureDevOpsProjectResource project(DevOpsResourceDto dto) {
    String what = "an Azure DevOps project";
    DevOpsResourcePropertiesDto properties = properties(dto);
    return AzureDevOpsProjectResource.builder()
        .id(required(dto.id(), "id", what))
        .name(required(dto.name(), "name", what))
        .parentOrgName(text(properties.parentOrgName()))
        .projectId(text(properties.projectId()))
        .onboardingState(text(properties.onboardingState()).map(OnboardingState::fromString))
        .provisioningState(text(properties.provisioningState()).map(DevOpsProvisioningState::fromString))
        .actionableRemediationState(remediationState(properties))
        .build();
  }

  /** An Azure DevOps repository under a connector. */
  public static AzureDevOpsRepositoryResource repository(DevOpsResourceDto dto) {
    String what = "an Azure DevOps repository";
    DevOpsResourcePropertiesDto properties = properties(dto);
    return AzureDevOpsRepositoryResource.builder()
        .id(required(dto.id(), "id", what))
        .name(required(dto.name(), "name", what))
        .parentOrgName(text(properties.parentOrgName()))
        .parentProjectName(text(properties.parentProjectName()))
        .repoId(text(properties.repoId()))
        .repoUrl(text(properties.repoUrl()))
        .visibility(text(properties.visibility()))
        .onboardingState(text(properties.onboardingState()).map(OnboardingState::fromString))
        .provisioningState(text(properties.provisioningState()).map(DevOpsProvisioningState::fromString))
        .actionableRemediationState(remediationState(properties))
        .build();
  }

  /** A GitHub owner under a connector. */
  public static GitHubOwnerResource gitHubOwner(GitHubResourceDto dto) {
    String what = "a GitHub owner";
    GitHubResourcePropertiesDto properties = properties(dto);
    return GitHubOwnerResource.builder()
        .id(required(dto.id(), "id", what))
        .name(required(dto.name(), "name", what))
        .ownerUrl(text(properties.ownerUrl()))
        .gitHubInternalId(text(properties.gitHubInternalId()))
        .onboardingState(text(properties.onboardingState()).map(OnboardingState::fromString))
        .provisioningState(text(properties.provisioningState()).map(DevOpsProvisioningState::fromString))
        .build();
  }

  /** A GitHub repository under a connector. */
  public static GitHubRepositoryResource gitHubRepository(GitHubResourceDto dto) {
    String what = "a GitHub repository";
    GitHubResourcePropertiesDto properties = properties(dto);
    return GitHubRepositoryResource.builder()
        .id(required(dto.id(), "id", what))
        .name(required(dto.name(), "name", what))
        .repoId(text(properties.repoId()))
        .repoFullName(text(properties.repoFullName()))
        .repoUrl(text(properties.repoUrl()))
        .parentOwnerName(text(properties.parentOwnerName()))
        .onboardingState(text(properties.onboardingState()).map(OnboardingState::fromString))
        .provisioningState(text(properties.provisioningState()).map(DevOpsProvisioningState::fromString))
        .build();
  }

  /** A GitLab group (top-level or subgroup) under a connector. */
  public static GitLabGroupResource gitLabGroup(GitLabResourceDto dto) {
    String what = "a GitLab group";
    GitLabResourcePropertiesDto properties = properties(dto);
    return GitLabGroupResource.builder()
        .id(required(dto.id(), "id", what))
        .name(required(dto.name(), "name", what))
        .fullyQualifiedName(text(properties.fullyQualifiedName()))
        .fullyQualifiedFriendlyName(text(properties.fullyQualifiedFriendlyName()))
        .url(text(properties.url()))
        .onboardingState(text(properties.onboardingState()).map(OnboardingState::fromString))
        .provisioningState(text(properties.provisioningState()).map(DevOpsProvisioningState::fromString))
        .build();
  }

  /** A GitLab project under a connector. */
  public static GitLabProjectResource gitLabProject(GitLabResourceDto dto) {
    String what = "a GitLab project";
    GitLabResourcePropertiesDto properties = properties(dto);
    return GitLabProjectResource.builder()
        .id(required(dto.id(), "id", what))
        .name(required(dto.name(), "name", what))
        .fullyQualifiedName(text(properties.fullyQualifiedName()))
        .fullyQualifiedFriendlyName(text(properties.fullyQualifiedFriendlyName()))
        .fullyQualifiedParentGroupName(text(properties.fullyQualifiedParentGroupName()))
        .url(text(properties.url()))
        .onboardingState(text(properties.onboardingState()).map(OnboardingState::fromString))
        .provisioningState(text(properties.provisioningState()).map(DevOpsProvisioningState::fromString))
        .build();
  }

  private static GitLabResourcePropertiesDto properties(GitLabResourceDto dto) {
    return dto.properties() != null ? dto.properties()
        : new GitLabResourcePropertiesDto(null, null, null, null, null, null);
  }

  private static GitHubResourcePropertiesDto properties(GitHubResourceDto dto) {
    return dto.properties() != null ? dto.properties()
        : new GitHubResourcePropertiesDto(null, null, null, null, null, null, null, null, null);
  }

  private static DevOpsResourcePropertiesDto properties(DevOpsResourceDto dto) {
    return dto.properties() != null ? dto.properties()
        : new DevOpsResourcePropertiesDto(null, null, null, null, null, null, null, null, null);
  }

  private static Optional<String> remediationState(DevOpsResourcePropertiesDto properties) {
    return Optional.ofNullable(properties.actionableRemediation()).flatMap(r -> text(r.state()));
  }

  /** A resource provider's registration; the namespace asked for stands in when the body has none. */
  public static ResourceProviderRegistration providerRegistration(ProviderDto dto, String namespace) {
    return ResourceProviderRegistration.of(text(dto.namespace()).orElse(namespace),
        required(dto.registrationState(), "registrationState", "a resource provider"));
  }

  /**
   * One entry of {@code Microsoft.Authorization/permissions}, checked as it is read from its page so that a malformed
   * entry is reported against the response that carried it.
   *
   * @throws MalformedException if its actions or not-actions are not an array of strings
   */
  public static PermissionDto permission(PermissionDto entry) {
    strings(entry.actions(), "actions");
    strings(entry.notActions(), "notActions");
    return entry;
  }

  /** The entries of {@code Microsoft.Authorization/permissions} as one set of actions and not-actions. */
  public static AzurePermissions permissions(List<PermissionDto> entries) {
    List<String> actions = new java.util.ArrayList<>();
    List<String> notActions = new java.util.ArrayList<>();
    for (PermissionDto entry : entries) {
      actions.addAll(strings(entry.actions(), "actions"));
      notActions.addAll(strings(entry.notActions(), "notActions"));
    }
    return AzurePermissions.ofActions(actions, notActions);
  }

  private static List<String> strings(List<String> list, String field) {
    if (list == null) {
      return List.of();
    }
    if (list.contains(null)) {
      throw new MalformedException("a permission whose " + field + " are not an array of strings");
    }
    return list;
  }

  private static Optional<ArmSystemData> systemData(SystemDataDto dto) {
    if (dto == null) {
      return Optional.empty();
    }
    return Optional.of(ArmSystemData.builder()
        .createdBy(text(dto.createdBy()))
        .createdByType(text(dto.createdByType()))
        .createdAt(time(dto.createdAt()))
        .lastModifiedBy(text(dto.lastModifiedBy()))
        .lastModifiedByType(text(dto.lastModifiedByType()))
        .lastModifiedAt(time(dto.lastModifiedAt()))
        .build());
  }

  private static Optional<OffsetDateTime> time(String value) {
    return text(value).flatMap(text -> {
      try {
        return Optional.of(OffsetDateTime.parse(text));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    });
  }

  /** An etag without the quotes (and weak marker) of its header form. */
  public static String unquote(String etag) {
    String value = etag.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return value;
  }

  // ------------------------------------------------------------------------------------------------- requests

  /** The PUT body of an Azure DevOps security connector. */
  public static SecurityConnectorDto connectorBody(String location, String hierarchyIdentifier,
      String environmentName, String environmentType, List<Offering> offerings, Map<String, String> tags) {
    return new SecurityConnectorDto(null, null, location, null, tags.isEmpty() ? null : tags,
        new SecurityConnectorPropertiesDto(hierarchyIdentifier, environmentName,
            new EnvironmentDataDto(environmentType),
            offerings.stream().map(o -> new OfferingDto(o.armName())).collect(Collectors.toList())),
        null);
  }

  /**
   * The PUT or PATCH body of {@code devops/default}: {@code authorization.code} when a code is given, then the
   * settings that are set.
   */
  public static DevOpsConfigurationDto devOpsBody(Optional<String> code, Optional<AutoDiscovery> autoDiscovery,
      Optional<List<String>> topLevelInventoryList, Optional<AgentlessConfiguration> agentless) {
    return new DevOpsConfigurationDto(null, null, null, new DevOpsConfigurationPropertiesDto(
        code.map(AuthorizationDto::new).orElse(null), null, null, null,
        autoDiscovery.map(AutoDiscovery::value).orElse(null), topLevelInventoryList.orElse(null), null,
        agentless.map(ArmModels::agentlessBody).orElse(null)), null);
  }

  private static AgentlessConfigurationDto agentlessBody(AgentlessConfiguration configuration) {
    return new AgentlessConfigurationDto(configuration.agentlessEnabled().orElse(null),
        configuration.agentlessAutoDiscovery().map(AutoDiscovery::value).orElse(null),
        configuration.scanners().isEmpty() ? null : configuration.scanners(),
        configuration.inventoryListType().orElse(null),
        configuration.inventoryList().isEmpty() ? null : configuration.inventoryList().stream()
            .map(item -> new InventoryItemDto(item.inventoryKind(), item.value())).collect(Collectors.toList()));
  }
}
