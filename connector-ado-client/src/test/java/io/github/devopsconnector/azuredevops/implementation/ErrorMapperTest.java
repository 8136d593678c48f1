package io.github.devopsconnector.azuredevops.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.core.TenantId;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

  @Test
  void theServiceCodeIsThePrefixOfTheMessage() {
    assertThat(ErrorMapper.serviceCode("TF400813: The user 'x' is not authorized to access this resource."))
        .contains("TF400813");
    assertThat(ErrorMapper.serviceCode("VS800075: The service is unavailable.")).contains("VS800075");
    assertThat(ErrorMapper.serviceCode("  tf200016: The following project does not exist")).contains("TF200016");
    assertThat(ErrorMapper.serviceCode("The requested resource does not support http method 'GET'.")).isEmpty();
    assertThat(ErrorMapper.serviceCode("See TF400813 for details")).isEmpty();
    assertThat(ErrorMapper.serviceCode(null)).isEmpty();
  }

  @Test
  void theTenantIsTheGuidBetweenTheSemicolonAndTheBackslash() {
    assertThat(ConnectionIdentity.tenantOf(
        "Microsoft.IdentityModel.Claims.ClaimsIdentity;45AA3D2D-7442-473d-b4d3-3c670da9dd96\\someone@fabrikam.com"))
        .contains(TenantId.parse("45aa3d2d-7442-473d-b4d3-3c670da9dd96"));
    assertThat(ConnectionIdentity.tenantOf("Microsoft.IdentityModel.Claims.ClaimsIdentity;0003BFFD8A1E3C5B@Live.com"))
        .isEmpty();
    assertThat(ConnectionIdentity.tenantOf("Microsoft.IdentityModel.Claims.ClaimsIdentity;not-a-guid\\someone"))
        .isEmpty();
    assertThat(ConnectionIdentity.tenantOf(null)).isEmpty();
  }

  @Test
  void urlPartsAreEncoded() {
    assertThat(Urls.encode("Fabrikam Fiber & Co/ü")).isEqualTo("Fabrikam%20Fiber%20%26%20Co%2F%C3%BC");
    assertThat(Urls.encode("a+b=c")).isEqualTo("a%2Bb%3Dc");
    assertThat(Urls.at("https://x").path("a b").raw("_apis").query("$top", "100").query("t", "1 2").toString())
        .isEqualTo("https://x/a%20b/_apis?$top=100&t=1%202");
  }

  @Test
  void scrubbingRemovesEverySecret() {
    io.github.devopsconnector.http.SecretScrubber scrubber =
        io.github.devopsconnector.http.SecretScrubber.of("s3cr3t-token", null, "ab");
    assertThat(scrubber.scrub("x s3cr3t-token y s3cr3t-token ab")).isEqualTo("x **** y **** ab");
    assertThat(scrubber.toString()).doesNotContain("s3cr3t");
  }
}
