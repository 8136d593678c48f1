/**
 * What a connector would see: inventory discovery over an
 * {@link io.github.devopsconnector.core.azuredevops.AzureDevOpsClient}, and the preflight report that says, per
 * organization, whether it can be onboarded and why not.
 */
@SdkStyle
package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.internal.SdkStyle;
