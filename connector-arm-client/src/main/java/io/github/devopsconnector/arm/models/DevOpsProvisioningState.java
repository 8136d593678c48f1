package io.github.devopsconnector.arm.models;

import com.azure.core.util.ExpandableStringEnum;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The provisioning state of a DevOps resource ({@code provisioningState}). The service also answers values outside
 * the documented enumeration, such as {@code Accepted} while a write runs; they are kept as they are.
 */
public final class DevOpsProvisioningState extends ExpandableStringEnum<DevOpsProvisioningState> {

  /** The last write succeeded. */
  public static final DevOpsProvisioningState SUCCEEDED = known("Succeeded");
  /** The last write failed (for example, the token exchange). */
  public static final DevOpsProvisioningState FAILED = known("Failed");
  /** The last write was canceled. */
  public static final DevOpsProvisioningState CANCELED = known("Canceled");
  /** A write is pending. */
  public static final DevOpsProvisioningState PENDING = known("Pending");
  /** A delete is pending. */
  public static final DevOpsProvisioningState PENDING_DELETION = known("PendingDeletion");
  /** The delete succeeded. */
  public static final DevOpsProvisioningState DELETION_SUCCESS = known("DeletionSuccess");
  /** The delete failed. */
  public static final DevOpsProvisioningState DELETION_FAILURE = known("DeletionFailure");
  /** A write was accepted and runs (answered by the service, though not in the documented enumeration). */
  public static final DevOpsProvisioningState ACCEPTED = known("Accepted");

  private static final List<DevOpsProvisioningState> KNOWN = List.of(SUCCEEDED, FAILED, CANCELED, PENDING,
      PENDING_DELETION, DELETION_SUCCESS, DELETION_FAILURE, ACCEPTED);

  /**
   * Creates a value with no name; use {@link #fromString(String)} (required by {@link ExpandableStringEnum}).
   *
   * @deprecated use {@link #fromString(String)} or the constants
   */
  @Deprecated
  public DevOpsProvisioningState() {}

  private static DevOpsProvisioningState known(String name) {
    return fromString(name, DevOpsProvisioningState.class);
  }

  /**
   * The state with this name: a constant when known (ignoring case), else a new value.
   *
   * @throws NullPointerException if the name is null
   */
  public static DevOpsProvisioningState fromString(String name) {
    Objects.requireNonNull(name, "name");
    return KNOWN.stream().filter(s -> s.getValue().equalsIgnoreCase(name)).findFirst()
        .orElseGet(() -> fromString(name, DevOpsProvisioningState.class));
  }

  /** The known states. */
  public static Collection<DevOpsProvisioningState> values() {
    return KNOWN;
  }

  /** Whether no write is running: succeeded, failed, canceled, or a delete that ended. */
  public boolean isTerminal() {
    return equals(SUCCEEDED) || equals(FAILED) || equals(CANCELED) || equals(DELETION_SUCCESS)
        || equals(DELETION_FAILURE);
  }

  /**
   * The value as ARM spells it.
   *
   * @return the value
   */
  public String value() {
    return getValue();
  }

  /** Values compare ignoring case, as ARM does. */
  @Override
  public boolean equals(Object other) {
    return other instanceof DevOpsProvisioningState && getValue() != null && getValue().equalsIgnoreCase(((DevOpsProvisioningState) other).getValue());
  }

  @Override
  public int hashCode() {
    return getValue() == null ? 0 : getValue().toLowerCase(Locale.ROOT).hashCode();
  }
}
