package io.github.devopsconnector.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The access-level table of the domain notes, row by row, with the casings real payloads use. */
class AccessLevelTest {

  @ParameterizedTest(name = "{0}/{1}/{2} -> {3}")
  @CsvSource(nullValues = "NULL", value = {
      // Basic
      "express, account, none, BASIC, true",
      "Express, Account, None, BASIC, true",
      // Basic + Test Plans
      "advanced, account, none, BASIC_PLUS_TEST_PLANS, true",
      "ADVANCED, account, none, BASIC_PLUS_TEST_PLANS, true",
      // Visual Studio subscriber: licensing source msdn with any msdn license type but none
      "none, msdn, eligible, VISUAL_STUDIO_SUBSCRIBER, true",
      "none, MSDN, Eligible, VISUAL_STUDIO_SUBSCRIBER, true",
      "none, msdn, enterprise, VISUAL_STUDIO_SUBSCRIBER, true",
      "none, msdn, professional, VISUAL_STUDIO_SUBSCRIBER, true",
      // Stakeholder, in both spellings real payloads use
      "stakeholder, account, none, STAKEHOLDER, false",
      "stakeHolder, account, none, STAKEHOLDER, false",
      "STAKEHOLDER, account, none, STAKEHOLDER, false",
      // nothing assigned
      "none, account, none, NONE, false",
      "none, msdn, none, NONE, false",
      "NULL, NULL, NULL, NONE, false",
      "'', '', '', NONE, false",
      "somethingNew, account, none, NONE, false"})
  void entitlementsMapToTheAccessLevel(String accountLicenseType, String licensingSource, String msdnLicenseType,
      AccessLevel expected, boolean sufficient) {
    AccessLevel level = AccessLevel.fromEntitlement(accountLicenseType, licensingSource, msdnLicenseType);

    assertThat(level).isEqualTo(expected);
    assertThat(level.isSufficientToOnboard()).isEqualTo(sufficient);
  }
}
