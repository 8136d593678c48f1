package io.github.devopsconnector.arm;

import java.util.List;
import java.util.Objects;

/**
 * The provisioning state of a DevOps resource ({@code provisioningState}). The service also answers values outside
 * the documented enumeration, such as {@code Accepted} while a write runs; they are kept as they are.
 */
public final class DevOpsProvisioningState extends ExpandableValue {

  /** The last write succeeded. */
  public static final DevOpsProvisioningState SUCCEEDED = new DevOpsProvisioningState("Succeeded");
  /** The last write failed (for example, the token exchange). */
  public static final DevOpsProvisioningState FAILED = new DevOpsProvisioningState("Failed");
  /** The last write was canceled. */
  public static final DevOpsProvisioningState CANCELED = new DevOpsProvisioningState("Canceled");
  /** A write is pending. */
  public static final DevOpsProvisioningState PENDING = new DevOpsProvisioningState("Pending");
  /** A delete is pending. */
  public static final DevOpsProvisioningState PENDING_DELETION = new DevOpsProvisioningState("PendingDeletion");
  /** The delete succeeded. */
  public static final DevOpsProvisioningState DELETION_SUCCESS = new DevOpsProvisioningState("DeletionSuccess");
  /** The delete failed. */
  public static final DevOpsProvisioningState DELETION_FAILURE = new DevOpsProvisioningState("DeletionFailure");
  /** A write was accepted and runs (answered by the service, though not in the documented enumeration). */
  public static final DevOpsProvisioningState ACCEPTED = new DevOpsProvisioningState("Accepted");

  private static final List<DevOpsProvisioningState> KNOWN = List.of(SUCCEEDED, FAILED, CANCELED, PENDING,
      PENDING_DELETION, DELETION_SUCCESS, DELETION_FAILURE, ACCEPTED);

  private DevOpsProvisioningState(String value) {
    super(value);
  }

  /**
   * The state with this name: a constant when known (ignoring case), else a new value.
   *
   * @throws NullPointerException if the name is null
   */
  public static DevOpsProvisioningState fromString(String name) {
    Objects.requireNonNull(name, "name");
    return KNOWN.stream().filter(s -> s.value().equalsIgnoreCase(name)).findFirst()
        .orElseGet(() -> new DevOpsProvisioningState(name));
  }

  /** The known states. */
  public static List<DevOpsProvisioningState> values() {
    return KNOWN;
  }

  /** Whether no write is running: succeeded, failed, canceled, or a delete that ended. */
  public boolean isTerminal() {
    return equals(SUCCEEDED) || equals(FAILED) || equals(CANCELED) || equals(DELETION_SUCCESS)
        || equals(DELETION_FAILURE);
  }
}
