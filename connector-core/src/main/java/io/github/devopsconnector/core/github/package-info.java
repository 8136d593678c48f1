/**
 * The GitHub port: {@link io.github.devopsconnector.core.github.GitHubClient}, the user, owners, Defender app
 * installations and repositories it returns, and the typed {@link io.github.devopsconnector.core.ServiceException}
 * it fails with. {@code connector-github-client} is the REST implementation and {@code connector-testing} has an
 * in-memory one.
 */
@SdkStyle
package io.github.devopsconnector.core.github;

import io.github.devopsconnector.core.internal.SdkStyle;
