/**
 * The models and options of the Azure Resource Manager client: the {@code securityConnectors} resource, its
 * {@code devops/default} configuration and the Azure DevOps organizations, projects and repositories under it, the
 * options of the writes, and the extensible ARM enumerations ({@link com.azure.core.util.ExpandableStringEnum}s that
 * keep values the library does not know).
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    redactedMask = "****",
    allowedClasspathAnnotations = {Override.class, org.immutables.value.Generated.class},
    defaults = @Value.Immutable(copy = false))
package io.github.devopsconnector.arm.models;

import org.immutables.value.Value;
