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
}
