package io.github.devopsconnector.arm.models;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.immutables.value.Value;

/** Who created and last changed an ARM resource, and when ({@code systemData}). */
@Value.Immutable
public abstract class ArmSystemData {

  ArmSystemData() {}

  /** Who created the resource (a user principal name, e-mail or application id). */
  public abstract Optional<String> createdBy();

  /** The kind of identity that created it: {@code User}, {@code Application}, {@code ManagedIdentity}, {@code Key}. */
  public abstract Optional<String> createdByType();

  /** When it was created. */
  public abstract Optional<OffsetDateTime> createdAt();

  /** Who last changed it. */
  public abstract Optional<String> lastModifiedBy();

  /** The kind of identity that last changed it. */
  public abstract Optional<String> lastModifiedByType();

  /** When it was last changed. */
  public abstract Optional<OffsetDateTime> lastModifiedAt();

  /**
   * A builder, for callers that construct the model themselves (fakes, tests).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ArmSystemData}. */
  public static final class Builder extends ImmutableArmSystemData.Builder {
    Builder() {}
  }
}
