package io.github.devopsconnector.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BenchCommandTest {

  private static final Pattern RESULT = Pattern.compile("discovery: wall=(\\d+) ideal=(\\d+) ratio=(\\d+\\.\\d{2}) "
      + "requests=(\\d+) peak-concurrency=(\\d+) heap-per-repo=(\\d+)");
  private static final Pattern WARMUP = Pattern.compile("warm-up \\(not measured\\): (\\d+) rounds?, (\\d+) "
      + "requests in \\d+ ms.*");

  @Test
  void aTinyGeneratedEstateEndsWithTheResultLine() {
    Cli.Result result = Cli.run("bench", "--orgs", "2", "--projects", "3", "--repos", "2", "--pipelines", "1",
        "--latency-ms", "2", "--concurrency", "4");

    assertThat(result.exitCode()).as("%s", result).isZero();
    List<String> lines = result.outLines();
    Matcher last = RESULT.matcher(lines.get(lines.size() - 1));
    assertThat(last.matches()).as("%s", result).isTrue();
    // R = 2 + 2 * (1 project page + 1 repository listing + 3 pipeline pages) = 12; L = 2 + 1 + 1 = 4;
    // ideal = 2 ms * max(4, ceil(12 / 4) = 3) = 8 ms.
    assertThat(Long.parseLong(last.group(2))).isEqualTo(8);
    assertThat(Long.parseLong(last.group(4))).as("requests, retries included").isGreaterThanOrEqualTo(12);
    assertThat(Integer.parseInt(last.group(5))).isBetween(1, 4);
    assertThat(Long.parseLong(last.group(1))).isPositive();
    assertThat(Double.parseDouble(last.group(3))).isPositive();
    assertThat(lines).contains("R (fewest requests) = 12: profile 1 + accounts 1 + per organization "
        + "ceil(projects/100) project pages + 1 repository listing + per project max(1, ceil(pipelines/100)) "
        + "pipeline pages");
    // Rounds of the 12-request estate until the JIT compiler is nearly idle.
    assertThat(lines).anySatisfy(l -> {
      Matcher warmup = WARMUP.matcher(l);
      assertThat(warmup.matches()).as(l).isTrue();
      assertThat(Long.parseLong(warmup.group(2))).isEqualTo(12L * Integer.parseInt(warmup.group(1)));
    });
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("cpu-split: client \\d+\\.\\d{3} ms per request "
        + "\\(\\d+ ms: discovery workers and HTTP client threads\\), simulator \\d+\\.\\d{3} ms per request "
        + "\\(\\d+ ms\\), other Java threads \\d+ ms, JVM outside Java threads \\(GC, JIT compiler\\) \\d+ ms"));
    assertThat(lines.get(lines.size() - 3)).matches("heap: [+-]\\d+\\.\\d MB after discovery, holding the "
        + "inventory; [+-]\\d+\\.\\d MB without it .*, so the inventory is about \\d+ bytes per repository");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void anEstateFileCanBeBenchedColdToo() {
    Cli.Result result = Cli.run("bench", "--simulate", Cli.estateFile("mixed.json"), "--latency-ms", "1",
        "--no-warmup");

    assertThat(result.exitCode()).as("%s", result).isZero();
    List<String> lines = result.outLines();
    assertThat(lines.get(lines.size() - 1)).matches(RESULT.pattern());
    assertThat(lines).noneSatisfy(l -> assertThat(l).startsWith("warm-up"))
        .anySatisfy(l -> assertThat(l).startsWith("discovered: 5 organizations (1 failed), 5 projects, "
            + "6 repositories, 4 pipelines"));
  }

  @Test
  void underATstuBudgetItReportsHowCloseTheRunCameToTheCeiling() {
    // 2 + 2 * (1 + 1 + 30) = 66 requests against 20 TSTUs per second: at least three windows.
    Cli.Result result = Cli.run("bench", "--orgs", "2", "--projects", "30", "--repos", "1", "--pipelines", "1",
        "--latency-ms", "1", "--no-warmup", "--tstu-budget", "20", "--tstu-window-ms", "1000");

    assertThat(result.exitCode()).as("%s", result).isZero();
    List<String> lines = result.outLines();
    assertThat(lines.get(lines.size() - 2)).startsWith("budget: 20 TSTUs per 1000 ms, 1 TSTU per request "
        + "(20 requests per window); the discovery spent 66.0 TSTUs in 66 requests, so the budget allows it in no "
        + "less than 3000 ms");
    Matcher tstu = Pattern.compile("tstu: wall=(\\d+) ceiling=3000 ratio=(\\d+\\.\\d{2}) peak-usage=(\\d+)% "
        + "delayed=(\\d+) throttled-429=(\\d+)").matcher(lines.get(lines.size() - 1));
    assertThat(tstu.matches()).as("%s", result).isTrue();
    assertThat(Long.parseLong(tstu.group(1))).as("the budget cannot be beaten").isGreaterThanOrEqualTo(2900);
    assertThat(Integer.parseInt(tstu.group(3))).isBetween(90, 105);
    assertThat(Long.parseLong(tstu.group(5))).isZero();
  }

  @Test
  void aTstuBudgetOutOfRangeIsAUsageError() {
    Cli.Result result = Cli.run("bench", "--orgs", "1", "--latency-ms", "1", "--tstu-budget", "0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--tstu-budget must be 1 to 1000000");
  }
}
