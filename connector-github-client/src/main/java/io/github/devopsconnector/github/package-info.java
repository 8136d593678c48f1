/**
 * The GitHub REST client: {@link io.github.devopsconnector.github.GitHubRestClient}, built by
 * {@link io.github.devopsconnector.github.GitHubRestClientBuilder}, for the REST API version of
 * {@link io.github.devopsconnector.github.GitHubServiceVersion}.
 */
package io.github.devopsconnector.github;
