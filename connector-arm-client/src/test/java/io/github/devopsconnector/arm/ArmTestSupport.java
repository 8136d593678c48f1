package io.github.devopsconnector.arm;

import io.github.devopsconnector.core.ConnectorId;
import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.devopsconnector.core.AzureRegion;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.ConnectorName;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.Offering;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ResourceGroupName;
import io.github.devopsconnector.core.SubscriptionId;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.testing.ArmSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** Shared values and helpers of the wire tests. */
final class ArmTestSupport {

  static final ObjectMapper JSON = new ObjectMapper();
  static final SubscriptionId SUBSCRIPTION = SubscriptionId.parse("0806e1cd-cfda-4ff8-b99c-2b0af42cffd3");
  static final ResourceGroupName RESOURCE_GROUP = ResourceGroupName.parse("myRg");
  static final TenantId TENANT = TenantId.parse("72f988bf-86f1-41af-91ab-2d7cd011db47");

  private ArmTestSupport() {}

  /** A credential that signs in to the simulator as this identity. */
  static TokenCredential identity(String id) {
    return request -> Mono.just(new AccessToken(ArmSimulator.bearerToken(id), OffsetDateTime.now().plusHours(1)));
  }

  /** A client of the simulator as this identity, with fast retries and a recording sleeper. */
  static DefenderConnectorClient client(ArmSimulator simulator, String identity, RecordingSleeper sleeper) {
    return builder(simulator, identity, sleeper).buildClient();
  }

  static DefenderConnectorClientBuilder builder(ArmSimulator simulator, String identity, RecordingSleeper sleeper) {
    DefenderConnectorClientBuilder builder = new DefenderConnectorClientBuilder()
        .endpoint(simulator.endpoint())
        .credential(identity(identity))
        .retryOptions(new RetryOptions(new FixedDelayOptions(6, Duration.ofMillis(1))))
        .pollTimeout(Duration.ofSeconds(30));
    return sleeper == null ? builder : builder.sleeper(sleeper);
  }

  static ConnectorId id(String name) {
    return ConnectorId.of(SUBSCRIPTION, RESOURCE_GROUP, ConnectorName.parse(name));
  }

  /** An Azure DevOps connector in Central US. */
  static Connector connector(String name, OrganizationSelection organizations, String owner) {
    return Connector.restore(ConnectorName.parse(name), SUBSCRIPTION, RESOURCE_GROUP, AzureRegion.CENTRAL_US,
        DevOpsPlatform.AZURE_DEVOPS, List.of(Offering.CSPM_MONITOR_AZURE_DEVOPS), organizations,
        Identity.of(owner), TENANT);
  }

  /** A copied fixture, parsed. */
  static JsonNode fixture(String name) {
    try (InputStream in = ArmTestSupport.class.getResourceAsStream("/arm/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sleeper that records the delays and returns at once. */
  static final class RecordingSleeper implements io.github.devopsconnector.core.Sleeper {
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
    }
  }
}
