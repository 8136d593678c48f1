package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.AuthorizationCode;
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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Connectors, identities and facts the edit tests share. */
final class EditFixtures {

  static final TenantId TENANT = TenantId.parse("8f3c2a4e-1b6d-4c8e-9a0f-2d4e6f8a0b1c");
  static final TenantId OTHER_TENANT = TenantId.parse("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
  static final SubscriptionId SUBSCRIPTION = SubscriptionId.parse("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9");
  static final Identity ALICE = Identity.of("a1a1a1a1-0000-4000-8000-000000000001", "Alice");
  static final Identity BOB = Identity.of("b2b2b2b2-0000-4000-8000-000000000002", "Bob");
  static final Identity CAROL = Identity.of("c3c3c3c3-0000-4000-8000-000000000003", "Carol");
  /** A recognisable secret: no output may ever contain it. */
  static final String SECRET = "oauth-code-7f3e9a1c5b";

  private EditFixtures() {}

  static OrganizationName org(String name) {
    return OrganizationName.parse(name);
  }

  static Set<OrganizationName> orgs(String... names) {
    return Arrays.stream(names).map(OrganizationName::parse).collect(Collectors.toSet());
  }

  static AuthorizationCode code() {
    return AuthorizationCode.of(SECRET);
  }

  static Connector connector(String name, Identity owner, OrganizationSelection organizations) {
    return connector(name, owner, organizations, TENANT);
  }

  static Connector connector(String name, Identity owner, OrganizationSelection organizations, TenantId tenant) {
    return Connector.restore(ConnectorName.parse(name), SUBSCRIPTION, ResourceGroupName.parse("rg-devops"),
        AzureRegion.CENTRAL_US, DevOpsPlatform.AZURE_DEVOPS, List.of(Offering.CSPM_MONITOR_AZURE_DEVOPS),
        organizations, owner, tenant);
  }

  /** Facts of a user who may onboard the organization: administrator, Basic, OAuth on, same tenant. */
  static OrganizationFacts allowed(String organization) {
    return OrganizationFacts.builder().organization(org(organization)).projectCollectionAdministrator(true)
        .accessLevel(AccessLevel.BASIC).oauthAppAccess(OAuthAppAccess.ON).tenant(TENANT).build();
  }

  /** Facts of a Stakeholder, who may not onboard the organization. */
  static OrganizationFacts stakeholder(String organization) {
    return OrganizationFacts.builder().organization(org(organization)).projectCollectionAdministrator(true)
        .accessLevel(AccessLevel.STAKEHOLDER).oauthAppAccess(OAuthAppAccess.ON).tenant(TENANT).build();
  }

  /** Facts of someone who is no Project Collection Administrator of the organization. */
  static OrganizationFacts notAdministrator(String organization) {
    return OrganizationFacts.builder().organization(org(organization)).projectCollectionAdministrator(false)
        .accessLevel(AccessLevel.BASIC).oauthAppAccess(OAuthAppAccess.ON).tenant(TENANT).build();
  }

  /** Facts that pass, except that the OAuth policy could not be read (a warning). */
  static OrganizationFacts policyUnknown(String organization) {
    return OrganizationFacts.builder().organization(org(organization)).projectCollectionAdministrator(true)
        .accessLevel(AccessLevel.BASIC).oauthAppAccess(OAuthAppAccess.UNKNOWN)
        .oauthAppAccessDetail("the organization policy API answered 405").tenant(TENANT).build();
  }

  /** A store, a registry, and a context over both. */
  static final class World {
    final InMemoryConnectorStore store = new InMemoryConnectorStore();
    final InMemoryTenantRegistry registry = new InMemoryTenantRegistry();

    EditContext context(OrganizationFacts... facts) {
      return context(OwnershipPolicy.defaultPolicy(), facts);
    }

    EditContext context(OwnershipPolicy policy, OrganizationFacts... facts) {
      return EditContext.builder().store(store).tenantRegistry(registry).ownershipPolicy(policy)
          .addOrganizationFacts(facts).build();
    }

    /** Creates a connector through {@link ConnectorCreation}, claiming its organizations. */
    VersionedConnector create(Connector connector) {
      return ConnectorCreation.create(connector, AuthorizationCode.of("creation-code"), context());
    }

    VersionedConnector stored(Connector connector) {
      return store.find(connector.id()).orElseThrow();
    }

    Set<OrganizationName> claims(Connector connector) {
      return registry.organizationsOf(connector.tenant(), connector.id());
    }
  }
}
