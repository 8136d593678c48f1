package io.github.devopsconnector.arm.implementation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the ARM payloads, both ways, as records bound strictly by connector-http's {@code Json}: unknown
 * properties are skipped, anything of the wrong shape fails. Field names are the API's (specification
 * {@code Microsoft.Security} securityConnectors 2024-08-01-preview and devops 2025-03-01); requests leave out what is
 * not set.
 */
public final class ArmDtos {

  private ArmDtos() {}

  /** A page of a listing: {@code value} and {@code nextLink}. */
  public record PageDto<T>(List<T> value, String nextLink) {}

  /** A {@code Microsoft.Security/securityConnectors} resource (also its PUT body). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SecurityConnectorDto(String id, String name, String location, String etag,
      Map<String, String> tags, SecurityConnectorPropertiesDto properties, SystemDataDto systemData) {}

  /** Its {@code properties}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SecurityConnectorPropertiesDto(String hierarchyIdentifier, String environmentName,
      EnvironmentDataDto environmentData, List<OfferingDto> offerings) {}

  /** {@code properties.environmentData}. */
  public record EnvironmentDataDto(String environmentType) {}

  /** One of {@code properties.offerings}. */
  public record OfferingDto(String offeringType) {}

  /** ARM's {@code systemData}. */
  public record SystemDataDto(String createdBy, String createdByType, String createdAt, String lastModifiedBy,
      String lastModifiedByType, String lastModifiedAt) {}

  /** The {@code devops/default} configuration (also its PUT and PATCH body). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DevOpsConfigurationDto(String id, String name, String etag,
      DevOpsConfigurationPropertiesDto properties, SystemDataDto systemData) {}

  /** Its {@code properties}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DevOpsConfigurationPropertiesDto(AuthorizationDto authorization, String provisioningState,
      String provisioningStatusMessage, String provisioningStatusUpdateTimeUtc, String autoDiscovery,
      List<String> topLevelInventoryList, List<CapabilityDto> capabilities,
      AgentlessConfigurationDto agentlessConfiguration) {}

  /** {@code properties.authorization}: the one-time code, only ever sent. */
  public record AuthorizationDto(String code) {
    @Override
    public String toString() {
      return "AuthorizationDto[****]";
    }
  }

  /** One of {@code properties.capabilities}. */
  public record CapabilityDto(String name, String value) {}

  /** {@code properties.agentlessConfiguration}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record AgentlessConfigurationDto(String agentlessEnabled, String agentlessAutoDiscovery,
      List<String> scanners, String inventoryListType, List<InventoryItemDto> inventoryList) {}

  /** One of {@code agentlessConfiguration.inventoryList}. */
  public record InventoryItemDto(String inventoryKind, String value) {}

  /** A resource under {@code devops/default}: what every listing of its inventory needs of an item. */
  public interface ChildResourceDto {
    /** The ARM resource id. */
    String id();
  }

  /** An Azure DevOps organization, project or repository under {@code devops/default}. */
  public record DevOpsResourceDto(String id, String name, DevOpsResourcePropertiesDto properties)
      implements ChildResourceDto {}

  /** Their {@code properties} (each kind has some of them). */
  public record DevOpsResourcePropertiesDto(String onboardingState, String provisioningState,
      ActionableRemediationDto actionableRemediation, String parentOrgName, String parentProjectName,
      String projectId, String repoId, String repoUrl, String visibility) {}

  /** A GitHub owner or repository under {@code devops/default} ({@code gitHubOwners[/{owner}/repos]}). */
  public record GitHubResourceDto(String id, String name, GitHubResourcePropertiesDto properties)
      implements ChildResourceDto {}

  /** Their {@code properties} (GitHubOwnerProperties, GitHubRepositoryProperties of the 2024-04-01 specification). */
  public record GitHubResourcePropertiesDto(String onboardingState, String provisioningState, String ownerUrl,
      String gitHubInternalId, String repoId, String repoName, String repoFullName, String repoUrl,
      String parentOwnerName) {}

  /**
   * A GitLab group or project under {@code devops/default} ({@code gitLabGroups[/{groupFQName}[/projects]]},
   * {@code listAvailableGitLabGroups}, {@code listSubgroups}).
   */
  public record GitLabResourceDto(String id, String name, GitLabResourcePropertiesDto properties)
      implements ChildResourceDto {}

  /**
   * Their {@code properties} (GitLabGroupProperties, GitLabProjectProperties of the 2024-04-01 and 2025-03-01
   * specifications; a group has no parent group name).
   */
  public record GitLabResourcePropertiesDto(String onboardingState, String provisioningState,
      String fullyQualifiedName, String fullyQualifiedFriendlyName, String fullyQualifiedParentGroupName,
      String url) {}

  /** {@code properties.actionableRemediation}. */
  public record ActionableRemediationDto(String state) {}

  /** An entry of {@code Microsoft.Authorization/permissions}. */
  public record PermissionDto(List<String> actions, List<String> notActions) {}

  /** {@code GET /subscriptions/{sub}/providers/{namespace}}. */
  public record ProviderDto(String namespace, String registrationState) {}

  /** ARM's error response. */
  public record ErrorResponseDto(ErrorDto error) {}

  /** ARM's {@code error}. */
  public record ErrorDto(String code, String message, String target) {}

  /**
   * An {@code Azure-AsyncOperation} status. Its {@code error} binds to any JSON: the status is what counts, and an
   * error of the wrong shape must not hide that the operation failed ({@link ArmErrors#parse(Object)} reads it).
   */
  public record OperationStatusDto(String status, Object error) {}
}
