/**
 * The models and options of the Azure Resource Manager client: the {@code securityConnectors} resource, its
 * {@code devops/default} configuration and the Azure DevOps organizations, projects and repositories under it, the
 * options of the writes, and the extensible ARM enumerations ({@link com.azure.core.util.ExpandableStringEnum}s that
 * keep values the library does not know).
 */
@SdkStyle
package io.github.devopsconnector.arm.models;

import io.github.devopsconnector.core.internal.SdkStyle;
