/**
 * Fixtures for testing code that uses the DevOps connector SDK: an {@link io.github.devopsconnector.testing.Estate}
 * describes Azure DevOps organizations as the signed-in user sees them; in-memory clients and loopback simulators
 * serve it.
 */
@SdkStyle
package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.internal.SdkStyle;
