/**
 * What a connector would see: inventory discovery over an
 * {@link io.github.devopsconnector.core.azuredevops.AzureDevOpsClient}, and the preflight report that says, per
 * organization, whether it can be onboarded and why not.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    redactedMask = "****",
    allowedClasspathAnnotations = {Override.class, org.immutables.value.Generated.class},
    defaults = @Value.Immutable(copy = false))
package io.github.devopsconnector.core.discovery;

import org.immutables.value.Value;
