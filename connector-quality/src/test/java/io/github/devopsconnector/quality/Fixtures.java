package io.github.devopsconnector.quality;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.AzureRegion;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.ConnectorName;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.Offering;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ResourceGroupName;
import io.github.devopsconnector.core.SubscriptionId;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.testing.ArmSimulator;
import java.time.OffsetDateTime;
import java.util.List;
import reactor.core.publisher.Mono;

/** Values the reliability suite shares. */
final class Fixtures {

  static final TenantId TENANT = TenantId.parse("3b1d7c2e-5f4a-4e8b-9c6d-0a2f4e6b8d1c");
  static final SubscriptionId SUBSCRIPTION = SubscriptionId.parse("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b");
  static final ResourceGroupName RESOURCE_GROUP = ResourceGroupName.parse("rg-reliability");

  private Fixtures() {}

  /** An Azure DevOps connector in Central US owned by this identity. */
  static Connector connector(String name, OrganizationSelection organizations, Identity owner) {
    return Connector.restore(ConnectorName.parse(name), SUBSCRIPTION, RESOURCE_GROUP, AzureRegion.CENTRAL_US,
        DevOpsPlatform.AZURE_DEVOPS, List.of(Offering.CSPM_MONITOR_AZURE_DEVOPS), organizations, owner, TENANT);
  }

  /** Facts of a user who may onboard the organization: Basic administrator, OAuth on, the connector's tenant. */
  static OrganizationFacts allowed(OrganizationName organization) {
    return OrganizationFacts.builder().organization(organization).projectCollectionAdministrator(true)
        .accessLevel(AccessLevel.BASIC).oauthAppAccess(OAuthAppAccess.ON).tenant(TENANT).build();
  }

  /** A credential that signs in to the ARM simulator as this identity. */
  static TokenCredential armIdentity(String identityId) {
    String token = ArmSimulator.bearerToken(identityId);
    return request -> Mono.just(new AccessToken(token, OffsetDateTime.now().plusHours(1)));
  }
}
