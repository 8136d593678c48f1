package io.github.devopsconnector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlsTest {

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.255.255.254", "[::1]", "::1",
      "[0:0:0:0:0:0:0:1]"})
  void loopbackHosts(String host) {
    assertThat(Urls.isLoopbackHost(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "dev.azure.com", "128.0.0.1", "127.0.0.256", "127.0.0", "127.0.0.1.nip.io",
      "localhost.contoso.com", "[::2]", "0.0.0.0", "127.0.0.01x"})
  void otherHosts(String host) {
    assertThat(Urls.isLoopbackHost(host)).isFalse();
  }

  @Test
  void urlPartsAreEncoded() {
    assertThat(Urls.encode("Fabrikam Fiber & Co/ü")).isEqualTo("Fabrikam%20Fiber%20%26%20Co%2F%C3%BC");
    assertThat(Urls.encode("a+b=c")).isEqualTo("a%2Bb%3Dc");
    assertThat(Urls.at("https://x").path("a b").raw("_apis").query("$top", "100").query("t", "1 2").toString())
        .isEqualTo("https://x/a%20b/_apis?$top=100&t=1%202");
  }

  @Test
  void dotSegmentsStayNames() {
    assertThat(Urls.at("https://x").path(".", "..", "a.b").toString()).isEqualTo("https://x/%2E/%2E%2E/a.b");
  }

  @Test
  void originsMakeDefaultPortsExplicit() {
    assertThat(Urls.origin(URI.create("HTTPS://Dev.Azure.com/x?y"))).isEqualTo("https://dev.azure.com:443");
    assertThat(Urls.origin(URI.create("http://127.0.0.1:8080/"))).isEqualTo("http://127.0.0.1:8080");
    assertThat(Urls.sameOrigin(Urls.parse("https://management.azure.com/a"),
        Urls.parse("https://MANAGEMENT.azure.com:443/b?c"))).isTrue();
    assertThat(Urls.sameOrigin(Urls.parse("https://management.azure.com/a"),
        Urls.parse("http://management.azure.com/a"))).isFalse();
  }

  @Test
  void endpointsAreHttpsOrLoopbackHttpWithoutUserInfoQueryOrFragment() {
    assertThat(Urls.checkEndpoint("core", " https://dev.azure.com/// ")).isEqualTo("https://dev.azure.com");
    assertThat(Urls.checkEndpoint("core", "http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
    assertThatThrownBy(() -> Urls.checkEndpoint("core", "http://dev.azure.com"))
        .hasMessageContaining("core endpoint").hasMessageContaining("loopback");
    assertThatThrownBy(() -> Urls.checkEndpoint("core", "https://user:pw@dev.azure.com"))
        .hasMessageContaining("user information").hasMessageNotContaining("pw");
    assertThatThrownBy(() -> Urls.checkEndpoint("core", "https://dev.azure.com/?a=b"))
        .hasMessageContaining("query or fragment");
    assertThatThrownBy(() -> Urls.checkEndpoint("core", "ftp://dev.azure.com")).hasMessageContaining("absolute https");
    assertThatThrownBy(() -> Urls.checkEndpoint("core", " ")).hasMessageContaining("missing");
  }

  @Test
  void parseAcceptsOnlyAbsoluteHttpUrls() {
    assertThatThrownBy(() -> Urls.parse("/relative")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Urls.parse("file:///etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Urls.shorten("https://x/y?code=secret")).isEqualTo("https://x/y");
  }
}
