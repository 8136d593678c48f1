/**
 * The GitLab port: {@link io.github.devopsconnector.core.gitlab.GitLabClient}, the user, top-level groups and
 * projects it returns, and the typed {@link io.github.devopsconnector.core.ServiceException} it fails with.
 * {@code connector-gitlab-client} is the REST implementation and {@code connector-testing} has an in-memory one.
 */
@SdkStyle
package io.github.devopsconnector.core.gitlab;

import io.github.devopsconnector.core.internal.SdkStyle;
