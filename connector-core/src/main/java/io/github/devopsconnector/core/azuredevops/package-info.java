/**
 * The Azure DevOps port: {@link io.github.devopsconnector.core.azuredevops.AzureDevOpsClient}, the facts and inventory it
 * returns, and the typed {@link io.github.devopsconnector.core.ServiceException} it fails with. Any HTTP
 * stack can implement it; {@code connector-ado-client} is the REST implementation and {@code connector-testing}
 * has an in-memory one.
 */
@SdkStyle
package io.github.devopsconnector.core.azuredevops;

import io.github.devopsconnector.core.internal.SdkStyle;
