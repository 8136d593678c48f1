/**
 * Editing an existing connector: the ownership rules, edit sessions that save nothing until update, the change
 * set a session produces, and the ports that store connectors and track which connector onboarded which
 * organization in a tenant.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    redactedMask = "****",
    allowedClasspathAnnotations = Override.class,
    defaults = @Value.Immutable(copy = false))
package io.github.devopsconnector.core.edit;

import org.immutables.value.Value;
