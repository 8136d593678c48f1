package io.github.devopsconnector.arm;

import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.arm.models.UpdateDevOpsConfigurationOptions;
import io.github.devopsconnector.arm.models.CreateConnectorOptions;
import io.github.devopsconnector.arm.models.ArmDevOpsConnector;
import static io.github.devopsconnector.arm.ArmTestSupport.TENANT;
import static io.github.devopsconnector.arm.ArmTestSupport.connector;
import static io.github.devopsconnector.arm.ArmTestSupport.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.edit.Change;
import io.github.devopsconnector.core.edit.ChangeSet;
import io.github.devopsconnector.core.edit.OwnershipConsequence;
import io.github.devopsconnector.core.edit.VersionedConnector;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import io.github.devopsconnector.testing.ArmSimulatorOrganization;
import io.github.devopsconnector.testing.ArmSimulatorPermissions;
import java.io.IOException;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Canary authorization codes and a canary bearer token, used with full HTTP body and header logging, never appear in
 * the logs, in exception messages, in the responses exceptions carry, or in any {@code toString()}.
 */
class SecretsTest {

  private static final String CODE = "CANARY-CODE-5f0c2e91";
  private static final String EXPIRED_CODE = "CANARY-EXPIRED-77ab31";
  private static final String REAUTH_CODE = "CANARY-REAUTH-0d93c4";
  private static final String IDENTITY = "canary-identity-41";
  private static final String TOKEN = ArmSimulator.bearerToken(IDENTITY);

  @Test
  void secretsStayOutOfLogsExceptionsAndText() throws IOException {
    List<String> texts = new ArrayList<>();
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder().devOpsEtags(true)
        .pollsBeforeCompletion(1)
        .addExpiredCodes(EXPIRED_CODE)
        .addOrganizations(ArmSimulatorOrganization.of("org1"), ArmSimulatorOrganization.of("org2"))
        .build()).build().start()) {
      DefenderConnectorClient client = ArmTestSupport.builder(simulator, IDENTITY, new RecordingSleeper())
          .httpLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.BODY_AND_HEADERS))
          .buildClient();
      texts.add(client.toString());

      CreateConnectorOptions options = CreateConnectorOptions.of(
          connector("canary", OrganizationSelection.explicit("org1"), IDENTITY), AuthorizationCode.of(CODE));
      texts.add(options.toString());
      ArmDevOpsConnector created = client.createConnector(options);
      texts.add(created.toString());
      texts.add(options.authorization().toString());

      Throwable expired = catchThrowable(() -> client.createConnector(CreateConnectorOptions.of(
          connector("canary-expired", OrganizationSelection.explicit("org2"), IDENTITY),
          AuthorizationCode.of(EXPIRED_CODE))));
      assertThat(expired).satisfies(Failures.kind(Kind.NOT_AUTHORIZED, "TokenExchangeFailed"));
      texts.addAll(describe(expired));

      ArmConnectorStore store = ArmConnectorStore.create(client, TENANT);
      VersionedConnector base = store.find(id("canary")).orElseThrow();
      ChangeSet changes = ChangeSet.builder()
          .connectorId(base.connector().id())
          .baseVersion(base.version())
          .actor(Identity.of(IDENTITY))
          .before(base.connector())
          .after(base.connector().withOrganizations(OrganizationSelection.explicit("org1", "org2")))
          .addChanges(Change.of("organization:org2", "-", "added"))
          .ownership(OwnershipConsequence.TOKEN_EXCHANGED)
          .reauthorization(AuthorizationCode.of(REAUTH_CODE))
          .build();
      texts.add(changes.toString());
      texts.add(store.update(changes).toString());
      texts.add(UpdateDevOpsConfigurationOptions.builder().authorization(AuthorizationCode.of(REAUTH_CODE)).build()
          .toString());

      simulator.grant(IDENTITY, ArmSimulatorPermissions.securityReader());
      Throwable denied = catchThrowable(() -> client.createConnector(CreateConnectorOptions.of(
          connector("canary-denied", OrganizationSelection.explicit("org1"), IDENTITY), AuthorizationCode.of(CODE))));
      assertThat(denied).isInstanceOf(ServiceException.class).hasCauseInstanceOf(HttpResponseException.class);
      texts.addAll(describe(denied));
      texts.add(simulator.options().toString());
    }

    for (String text : texts) {
      assertThat(text).doesNotContain(CODE, EXPIRED_CODE, REAUTH_CODE, TOKEN);
    }
    String log = Files.readString(Path.of(System.getProperty("org.slf4j.simpleLogger.logFile")),
        StandardCharsets.UTF_8);
    // Proof that bodies and headers were logged at all (bodies appear as escaped JSON), with the code masked.
    assertThat(log).contains("{\\\"code\\\":\\\"****\\\"}").contains("/devops/default").contains("If-Match");
    assertThat(log).doesNotContain(CODE, EXPIRED_CODE, REAUTH_CODE, TOKEN);
  }

  private static List<String> describe(Throwable failure) {
    List<String> texts = new ArrayList<>();
    texts.add(failure.getMessage());
    texts.add(failure.toString());
    texts.add(String.valueOf(((ServiceException) failure).remediation()));
    texts.add(String.valueOf(((ServiceException) failure).serviceErrorCode()));
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    texts.add(trace.toString());
    HttpResponseException http = (HttpResponseException) failure.getCause();
    texts.add(String.valueOf(http.getValue()));
    texts.add(http.getResponse().toString());
    assertThat(http.getResponse().getRequest().getHeaders().getValue(HttpHeaderName.AUTHORIZATION)).isNull();
    assertThat(http.getResponse().getRequest().getBodyAsBinaryData()).isNull();
    http.getResponse().getRequest().getHeaders().forEach(h -> texts.add(h.getName() + ": " + h.getValue()));
    texts.add(http.getResponse().getBodyAsBinaryData().toString());
    return texts;
  }
}
