package io.github.devopsconnector.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AzurePermissionsTest {

  private static List<String> list(String semicolonSeparated) {
    return semicolonSeparated == null ? List.of() : Arrays.asList(semicolonSeparated.split(";"));
  }

  @ParameterizedTest(name = "actions {0} minus {1} -> {2}")
  @CsvSource(nullValues = "NONE", value = {
      "*, NONE, true",
      "Microsoft.Security/*, NONE, true",
      "Microsoft.Security/securityConnectors/*, NONE, true",
      "Microsoft.Security/securityConnectors/write, NONE, true",
      "MICROSOFT.SECURITY/SECURITYCONNECTORS/WRITE, NONE, true",
      "*/write, NONE, true",
      "Microsoft.Security/*/write, NONE, true",
      "*/read, NONE, false",
      "Microsoft.Security/securityConnectors/read, NONE, false",
      "Microsoft.Security/securityConnectors/writeX, NONE, false",
      "Microsoft.SecurityInsights/*, NONE, false",
      "Microsoft.Security.Other/securityConnectors/write, NONE, false",
      "NONE, NONE, false",
      "*, Microsoft.Security/*, false",
      "*, Microsoft.Security/securityConnectors/write, false",
      "*, microsoft.security/securityconnectors/*, false",
      "*, */write, false",
      "*, Microsoft.Authorization/*, true",
      "Microsoft.Security/*, Microsoft.Security/securityConnectors/delete, true",
      "Microsoft.Security/securityConnectors/read;Microsoft.Security/securityConnectors/write, NONE, true"})
  void wildcardsAndNotActionsDecideTheWriteAction(String actions, String notActions, boolean granted) {
    AzurePermissions permissions = AzurePermissions.ofActions(list(actions), list(notActions));

    assertThat(permissions.isGranted(AzurePermissions.WRITE_SECURITY_CONNECTORS)).isEqualTo(granted);
    assertThat(permissions.canWriteSecurityConnectors()).isEqualTo(granted);
  }

  @ParameterizedTest
  @EnumSource(AzureRole.class)
  void rolesDecideByThemselves(AzureRole role) {
    boolean expected = role == AzureRole.OWNER || role == AzureRole.CONTRIBUTOR || role == AzureRole.SECURITY_ADMIN;

    assertThat(AzurePermissions.ofRole(role).canWriteSecurityConnectors()).isEqualTo(expected);
    assertThat(role.canWriteSecurityConnectors()).isEqualTo(expected);
  }

  @Test
  void securityReaderCannotWrite() {
    assertThat(AzurePermissions.ofRole(AzureRole.SECURITY_READER).canWriteSecurityConnectors()).isFalse();
    assertThat(AzureRole.SECURITY_READER.displayName()).isEqualTo("Security Reader");
  }

  @Test
  void regexCharactersInActionsAreLiteral() {
    AzurePermissions permissions = AzurePermissions.ofActions(List.of("Microsoft.Security/securityConnectors/wr.te"),
        List.of());

    assertThat(permissions.canWriteSecurityConnectors()).isFalse();
  }
}
