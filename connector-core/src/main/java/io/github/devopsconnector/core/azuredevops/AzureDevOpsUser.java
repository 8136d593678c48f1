package io.github.devopsconnector.core.azuredevops;

import java.util.Optional;
import org.immutables.value.Value;

/** The signed-in Azure DevOps user ({@code profiles/me}). */
@Value.Immutable
public abstract class AzureDevOpsUser {

  AzureDevOpsUser() {}

  /** The profile id (also the {@code memberId} of the accounts API). */
  public abstract String id();

  /** The display name. */
  public abstract String displayName();

  /** The e-mail address, when the profile has one. */
  public abstract Optional<String> emailAddress();

  /** A user. */
  public static AzureDevOpsUser of(String id, String displayName, Optional<String> emailAddress) {
    return ImmutableAzureDevOpsUser.builder().id(id).displayName(displayName).emailAddress(emailAddress).build();
  }
}
