/**
 * Defender for Cloud DevOps connectors in Azure Resource Manager.
 *
 * <p>{@link io.github.devopsconnector.arm.DefenderConnectorClient}, built by
 * {@link io.github.devopsconnector.arm.DefenderConnectorClientBuilder}, talks to two resource types:
 * {@code Microsoft.Security/securityConnectors} (api-version {@code 2024-08-01-preview}) and its
 * {@code devops/default} configuration (api-version {@code 2025-03-01}), with the Azure DevOps organizations,
 * projects and repositories, the GitHub owners and repositories, or the GitLab groups, subgroups and projects under
 * it. It also reads what the caller may do in a resource group and whether the
 * subscription registered {@code Microsoft.Security}, and judges both with the rules of {@link io.github.devopsconnector.core.AzureRules}.
 * {@link io.github.devopsconnector.arm.ArmConnectorStore} is the {@link io.github.devopsconnector.core.edit.ConnectorStore}
 * that saves edit sessions to Azure, detecting conflicting edits as well as ARM allows (see its documentation for the
 * window that remains without ETags), and {@link io.github.devopsconnector.arm.ArmTenantRegistry} tells which
 * organizations other connectors of the tenant hold.
 *
 * <h2>Organization selections in ARM</h2>
 * <table>
 *   <caption>How an {@link io.github.devopsconnector.core.OrganizationSelection} is written</caption>
 *   <tr><th>selection</th><th>{@code autoDiscovery}</th><th>{@code topLevelInventoryList}</th></tr>
 *   <tr><td>all existing and future</td><td>{@code Enabled}</td><td>not sent</td></tr>
 *   <tr><td>explicit</td><td>{@code Disabled}</td><td>the names</td></tr>
 *   <tr><td>all existing</td><td>{@code Disabled}</td><td>not sent on create (the specification's
 *       {@code OnboardCurrentOnly} example: the organizations that exist at the exchange), or the names the caller
 *       gives; an edit sends the organizations {@code listAvailableAzureDevOpsOrgs} returns, except those another
 *       connector onboarded</td></tr>
 * </table>
 *
 * <h2>Secrets</h2>
 * The one-time authorization code is sent once (never retried; after an ambiguous failure the configuration is read
 * back instead), in the body of the {@code devops/default} write, and only to the
 * configured endpoint. It is added to the request after the logging policy has seen it, so even body logging shows
 * {@code ****}; the buffer is wiped and the {@link io.github.devopsconnector.core.AuthorizationCode} destroyed after
 * the request. Bearer tokens go only to the configured endpoint's host, never to another host a link or redirect
 * points to (redirects are not followed). Exceptions carry a copy of the response whose request has neither the
 * {@code Authorization} header nor the body.
 *
 * <h2>Failures</h2>
 * Every failure of a call to ARM is an {@link io.github.devopsconnector.core.ServiceException} (service
 * {@code Azure Resource Manager}) with its kind, the HTTP status, the ARM error code, the request id and what to do;
 * its cause is the azure-core exception with the response, whose {@code getValue()} is the
 * {@link io.github.devopsconnector.arm.models.ArmError}. Only a write carrying a one-time code whose outcome stays
 * unknown has its own subclass, {@link io.github.devopsconnector.arm.models.AuthorizationOutcomeUnknownException}.
 * Every wait is bounded (see {@link io.github.devopsconnector.arm.DefenderConnectorClientBuilder}).
 */
package io.github.devopsconnector.arm;
