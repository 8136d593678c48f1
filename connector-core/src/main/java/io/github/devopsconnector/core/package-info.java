/**
 * The connector domain: value types for what a Defender for Cloud DevOps connector is made of, the
 * {@link io.github.devopsconnector.core.ConnectorBuilder} that validates them, and the findings it reports.
 *
 * <p>Every value type is immutable and null-hostile. Raw user input goes through
 * {@link io.github.devopsconnector.core.ConnectorBuilder}, which reports every broken rule at once as a
 * {@link io.github.devopsconnector.core.Finding} with a stable {@link io.github.devopsconnector.core.FindingCode}.
 */
@SdkStyle
package io.github.devopsconnector.core;

import io.github.devopsconnector.core.internal.SdkStyle;
