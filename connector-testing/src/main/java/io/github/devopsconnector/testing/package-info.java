/**
 * Fixtures for testing code that uses the DevOps connector SDK: an {@link io.github.devopsconnector.testing.Estate}
 * describes Azure DevOps organizations as the signed-in user sees them; in-memory clients and loopback simulators
 * serve it.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    redactedMask = "****",
    allowedClasspathAnnotations = {Override.class, org.immutables.value.Generated.class},
    defaults = @Value.Immutable(copy = false))
package io.github.devopsconnector.testing;

import org.immutables.value.Value;
