/**
 * The Azure DevOps port: {@link io.github.devopsconnector.core.azuredevops.AzureDevOpsClient}, the facts and inventory it
 * returns, and the typed {@link io.github.devopsconnector.core.ServiceException} it fails with. Any HTTP
 * stack can implement it; {@code connector-ado-client} is the REST implementation and {@code connector-testing}
 * has an in-memory one.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    redactedMask = "****",
    allowedClasspathAnnotations = {Override.class, org.immutables.value.Generated.class},
    defaults = @Value.Immutable(copy = false))
package io.github.devopsconnector.core.azuredevops;


import org.immutables.value.Value;
