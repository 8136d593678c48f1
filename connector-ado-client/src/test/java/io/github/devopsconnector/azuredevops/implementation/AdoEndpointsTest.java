package io.github.devopsconnector.azuredevops.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdoEndpointsTest {

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.255.255.254", "[::1]", "::1",
      "[0:0:0:0:0:0:0:1]"})
  void loopbackHosts(String host) {
    assertThat(AdoEndpoints.isLoopbackHost(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "dev.azure.com", "128.0.0.1", "127.0.0.256", "127.0.0", "127.0.0.1.nip.io",
      "localhost.contoso.com", "[::2]", "0.0.0.0", "127.0.0.01x"})
  void otherHosts(String host) {
    assertThat(AdoEndpoints.isLoopbackHost(host)).isFalse();
  }
}
