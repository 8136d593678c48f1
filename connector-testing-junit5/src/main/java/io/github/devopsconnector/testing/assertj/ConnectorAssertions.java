package io.github.devopsconnector.testing.assertj;

import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.PreflightReport;

/**
 * Entry points of the AssertJ assertions for the SDK's results. Import them statically next to AssertJ's own
 * {@code assertThat}; Java picks the overload by the argument's type.
 *
 * <pre>{@code
 * import static io.github.devopsconnector.testing.assertj.ConnectorAssertions.assertThat;
 *
 * assertThat(builder.validate()).hasError(FindingCode.REGION_UNKNOWN).on("region");
 * assertThat(preflight).organization("contoso").isGreyedOutBy(FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT);
 * assertThat(inventory).isComplete().hasTotals(1, 2, 3, 1);
 * }</pre>
 *
 * <p>Failure messages list the findings involved, with their codes, subjects and messages.
 */
public final class ConnectorAssertions {

  private ConnectorAssertions() {}

  /**
   * Assertions on a validation report.
   *
   * @param actual the report
   * @return the assertions
   */
  public static ValidationReportAssert assertThat(ValidationReport actual) {
    return new ValidationReportAssert(actual);
  }

  /**
   * Assertions on a preflight report.
   *
   * @param actual the report
   * @return the assertions
   */
  public static PreflightReportAssert assertThat(PreflightReport actual) {
    return new PreflightReportAssert(actual);
  }

  /**
   * Assertions on an inventory.
   *
   * @param actual the inventory
   * @return the assertions
   */
  public static InventoryAssert assertThat(Inventory actual) {
    return new InventoryAssert(actual);
  }
}
