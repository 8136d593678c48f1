/**
 * Editing an existing connector, as the portal's <em>Edit settings</em> does: the ownership rules
 * ({@link io.github.devopsconnector.core.edit.OwnershipPolicy}), edit sessions that save nothing until update
 * ({@link io.github.devopsconnector.core.edit.EditSession}), the change set a review produces
 * ({@link io.github.devopsconnector.core.edit.ChangeSet}), creation that keeps one organization per tenant
 * ({@link io.github.devopsconnector.core.edit.ConnectorCreation}), and the ports that store connectors
 * ({@link io.github.devopsconnector.core.edit.ConnectorStore}) and track which connector onboarded which
 * organization in a tenant ({@link io.github.devopsconnector.core.edit.TenantRegistry}), with thread-safe
 * in-memory implementations for tests.
 */
@SdkStyle
package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.internal.SdkStyle;
