package io.github.devopsconnector.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.Estate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the whole demo in-process against its simulators and checks what a newcomer reads. */
class DemoTest {

  private static final DemoOptions OPTIONS = DemoOptions.random(false);

  private static int exitCode;
  private static String out;
  private static String err;

  @BeforeAll
  static void runDemo() {
    Captured captured = Captured.run(OPTIONS);
    exitCode = captured.exitCode;
    out = captured.out;
    err = captured.err;
  }

  @Test
  void everyStepRunsAsExpected() {
    assertThat(exitCode).as("exit code; err was: %s", err).isZero();
    assertThat(out).contains("Step 1: a connector with mistakes", "Step 2: a valid connector",
        "Step 3: preflight", "Step 4: discovery", "Step 5: create the connector in Azure",
        "Step 6: edit by the owner", "Step 7: a takeover by a colleague", "Step 8: GitHub", "Step 9: GitLab",
        "All 9 steps ran as expected");
    assertThat(err).doesNotContain("did not go as expected");
  }

  @Test
  void theGitHubStepInstallsTheAppToAdditionalScopeThenCreatesAndEdits() {
    String step = section(8);
    assertThat(tableRow(step, "contoso-gh")).contains("eligible", "GITHUB_APP_LIMITED_TO_SELECTED_REPOSITORIES");
    assertThat(tableRow(step, "litware-gh")).contains("greyed out", "GITHUB_NOT_ORGANIZATION_OWNER");
    assertThat(tableRow(step, "woodgrove-gh")).contains("greyed out", "GITHUB_OWNER_ONBOARDED_ELSEWHERE");
    assertThat(step).contains("the app now sees 120 repositories");
    assertThat(step.lines().filter(l -> l.startsWith("  fabrikam-gh ")).reduce((first, last) -> last))
        .as("Azure's view, after the edit").hasValueSatisfying(row -> assertThat(row).contains("Onboarded"));
    assertThat(step).contains("woodgrove-gh  OnboardedByOtherConnector");
  }

  @Test
  void theGitLabStepChecksTheGroupsThenCreatesAndEdits() {
    String step = section(9);
    assertThat(tableRow(step, "contoso-gl")).contains("eligible", "4").doesNotContain("greyed out");
    assertThat(tableRow(step, "litware-gl")).contains("greyed out", "GITLAB_NOT_GROUP_OWNER");
    assertThat(tableRow(step, "tailspin-gl")).contains("greyed out", "GITLAB_ULTIMATE_REQUIRED");
    assertThat(tableRow(step, "woodgrove-gl")).contains("greyed out", "GITLAB_GROUP_ONBOARDED_ELSEWHERE");
    assertThat(lastRow(step, "fabrikam-gl")).as("Azure's view, after the edit").contains("Onboarded");
    assertThat(lastRow(step, "woodgrove-gl")).contains("OnboardedByOtherConnector");
    assertThat(lastRow(step, "contoso-gl$platform$tools")).as("a subgroup, onboarded with its group")
        .endsWith(" Onboarded");
  }

  @Test
  void invalidConnectorShowsEveryFindingWithItsRemediation() {
    String step = section(1);
    assertThat(step).contains("CONNECTOR_NAME_INVALID", "SUBSCRIPTION_ID_INVALID", "REGION_NOT_SUPPORTED",
        "ADO_ACCESS_LEVEL_INSUFFICIENT", "ConnectorValidationException");
    assertThat(count(step, "Fix: ")).isEqualTo(4);
  }

  @Test
  void preflightNamesEachGreyedOutOrganizationWithItsCode() {
    String step = section(3);
    assertThat(tableRow(step, "adventure-works")).contains("greyed out", "ADO_ACCESS_LEVEL_INSUFFICIENT");
    assertThat(tableRow(step, "tailspin")).contains("greyed out", "ADO_OAUTH_APP_ACCESS_DISABLED");
    assertThat(tableRow(step, "woodgrove")).contains("greyed out", "ADO_ORGANIZATION_ONBOARDED_ELSEWHERE");
    assertThat(tableRow(step, "fabrikam")).contains("eligible").doesNotContain("greyed out");
    assertThat(tableRow(step, "northwind")).contains("eligible").doesNotContain("greyed out");
  }

  @Test
  void discoveryTotalsAreTheEstates() {
    Estate estate = DemoEstate.estate();
    Matcher total = Pattern.compile("total: (\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)").matcher(section(4));
    assertThat(total.find()).as("a totals row in:%n%s", section(4)).isTrue();
    assertThat(List.of(total.group(1), total.group(2), total.group(3), total.group(4))).containsExactly(
        String.valueOf(estate.organizations().size()), String.valueOf(estate.projectCount()),
        String.valueOf(estate.repositoryCount()), String.valueOf(estate.pipelineCount()));
    Matcher requests = Pattern.compile("Requests: (\\d+) sent").matcher(section(4));
    assertThat(requests.find()).isTrue();
    assertThat(Long.parseLong(requests.group(1))).isPositive();
  }

  @Test
  void withoutATerminalDiscoveryReportsOneSummaryLine() {
    assertThat(err).doesNotContain("\r");
    Estate estate = DemoEstate.estate();
    assertThat(err.lines().filter(l -> l.contains("discovery:"))).singleElement().asString().contains(
        estate.organizations().size() + " organizations", estate.projectCount() + " projects",
        estate.repositoryCount() + " repositories", estate.pipelineCount() + " pipelines");
  }

  @Test
  void creationPrintsTheResourceIdAndThePolledOperation() {
    String step = section(5);
    assertThat(step).containsPattern("Resource id\\s+/subscriptions/" + DemoEstate.SUBSCRIPTION + "/resourceGroups/"
        + DemoEstate.RESOURCE_GROUP + "/providers/Microsoft.Security/securityConnectors/" + DemoEstate.CONNECTOR_NAME);
    assertThat(step).containsPattern("Provisioning state\\s+Succeeded");
    assertThat(step).contains("operation InProgress", "operation Succeeded", "(used once, destroyed)");
    assertThat(step).containsPattern("woodgrove\\s+OnboardedByOtherConnector");
  }

  @Test
  void ownerEditPrintsTheChangeSetAndTheNewVersion() {
    String step = section(6);
    assertThat(step).containsPattern("organization:northwind\\s+-\\s+->\\s+onboarded");
    assertThat(step).containsPattern("autoDiscovery\\s+Disabled\\s+->\\s+Enabled");
    Matcher versions = Pattern.compile("Version\\s+(\\S+) -> (\\S+)").matcher(step);
    assertThat(versions.find()).isTrue();
    assertThat(versions.group(2)).isNotEqualTo(versions.group(1));
    assertThat(step).contains("The dropped draft saved nothing");
  }

  @Test
  void takeoverNeedsReauthorizationAndConfirmationAndEndsWithTheNewOwner() {
    String step = section(7);
    assertThat(step.indexOf("REAUTHORIZATION_REQUIRED")).isLessThan(step.indexOf("Attempt 2"));
    assertThat(step.substring(step.indexOf("Attempt 2"), step.indexOf("Attempt 3")))
        .contains("TAKEOVER_NOT_CONFIRMED").doesNotContain("REAUTHORIZATION_REQUIRED");
    assertThat(step).containsPattern("owner\\s+Ada Lovelace \\(ada@fabrikam.example\\)\\s+->\\s+Grace Hopper");
    assertThat(step).contains("OWNERSHIP_TRANSFERRED", "irreversible");
    assertThat(step).containsPattern("Owner\\s+Grace Hopper \\(grace@fabrikam.example\\)");
  }

  @Test
  void noSecretIsPrinted() {
    String pat = OPTIONS.personalAccessToken;
    List<String> secrets = List.of(pat,
        Base64.getEncoder().encodeToString((":" + pat).getBytes(StandardCharsets.UTF_8)),
        OPTIONS.ownerAuthorizationCode, OPTIONS.takerAuthorizationCode,
        ArmSimulator.bearerToken(DemoEstate.OWNER.id()), ArmSimulator.bearerToken(DemoEstate.TAKER.id()));
    for (String secret : secrets) {
      assertThat(out).doesNotContain(secret);
      assertThat(err).doesNotContain(secret);
    }
    assertThat(out).contains("****");
  }

  @Test
  void aTerminalGetsAProgressBarThatEndsFull() {
    Captured interactive = Captured.run(DemoOptions.random(true));
    assertThat(interactive.exitCode).as("err: %s", interactive.err).isZero();
    assertThat(interactive.err).contains("\r").contains("[############] 5/5 orgs, 7/7 projects")
        .doesNotContain("discovery:");
    assertThat(interactive.err.lines().filter(l -> !l.isEmpty())).allSatisfy(line ->
        assertThat(line.split("\r")).allSatisfy(frame -> assertThat(frame.length()).isLessThan(80)));
  }

  @Test
  void aStepThatFailsGivesExitCode3AndOneClearLine() {
    // One-time codes work once: the takeover's exchange of the creator's code fails in step 7.
    DemoOptions random = DemoOptions.random(false);
    String code = random.ownerAuthorizationCode;
    Captured failed = Captured.run(new DemoOptions(random.personalAccessToken, code, code, false));
    assertThat(failed.exitCode).isEqualTo(Demo.UNEXPECTED);
    assertThat(failed.err.lines().filter(l -> !l.contains("discovery:"))).singleElement().asString()
        .startsWith("demo: step 7 (a takeover by a colleague) did not go as expected: ")
        .contains("TokenExchangeFailed");
    assertThat(failed.err).doesNotContain(code).doesNotContain("\tat ");
    assertThat(failed.out).doesNotContain(code).contains("Step 7").doesNotContain("All 9 steps ran as expected");
  }

  @Test
  void aSetupFailureGivesExitCode3BeforeAnyStep() {
    // The simulator refuses a token with spaces before the first step.
    Captured failed = Captured.run(new DemoOptions("not a token", "code-1", "code-2", false));
    assertThat(failed.exitCode).isEqualTo(Demo.UNEXPECTED);
    assertThat(failed.err.lines()).singleElement().asString()
        .startsWith("demo: starting the simulators did not go as expected: ").doesNotContain("not a token");
    assertThat(failed.out).doesNotContain("Step 1");
  }

  // ------------------------------------------------------------------------------------------------- helpers

  /** The output of one step, from its heading to the next one. */
  private static String section(int step) {
    int start = out.indexOf("Step " + step + ": ");
    assertThat(start).as("heading of step %d", step).isNotNegative();
    int end = out.indexOf("Step " + (step + 1) + ": ", start);
    return out.substring(start, end < 0 ? out.length() : end);
  }

  /** The last line of the text that starts with this first cell. */
  private static String lastRow(String text, String firstCell) {
    return text.lines().filter(l -> l.startsWith("  " + firstCell + " ")).reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no row " + firstCell));
  }

  /** The line of a table that starts with this first cell. */
  private static String tableRow(String text, String firstCell) {
    return text.lines().filter(l -> l.startsWith("  " + firstCell + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no table row for " + firstCell + " in:\n" + text));
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  /** One run of the demo with captured streams. */
  private static final class Captured {
    final int exitCode;
    final String out;
    final String err;

    private Captured(int exitCode, String out, String err) {
      this.exitCode = exitCode;
      this.out = out;
      this.err = err;
    }

    static Captured run(DemoOptions options) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code;
      try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
          PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
        code = Demo.run(o, e, options);
      }
      return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }
}
