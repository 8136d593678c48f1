package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.EstateOrganization;
import io.github.devopsconnector.testing.EstateProject;

/**
 * The least a discovery of an estate must ask, and the least time it can take.
 *
 * <p><b>R</b>, the fewest requests the API allows: profile 1 + accounts 1 + per organization: its project pages
 * (max(1, ceil(projects / 100)): even no project takes one page to learn so), 1 organization-wide repository
 * listing, and per project max(1, ceil(pipelines / 100)) pipeline pages. An organization that refuses the user
 * costs its one refused request.
 *
 * <p><b>L</b>, the longest chain of requests that must wait for each other: profile, then accounts, then an
 * organization's project pages one after the other (each page's continuation token is needed for the next), then
 * one project's pipeline pages one after the other (or the repository listing, one request).
 *
 * <p>With latency {@code t} per request and at most {@code C} requests at once, no discovery can beat
 * {@code ideal = t * max(L, ceil(R / C))}.
 */
final class RequestPlan {

  /** Items per page of projects and of pipelines, as the client asks and the service serves. */
  static final int PAGE_SIZE = 100;

  private final long fewestRequests;
  private final long longestChain;

  private RequestPlan(long fewestRequests, long longestChain) {
    this.fewestRequests = fewestRequests;
    this.longestChain = longestChain;
  }

  static RequestPlan of(Estate estate) {
    long requests = 2;
    long longestAfterAccounts = 0;
    for (EstateOrganization organization : estate.organizations()) {
      if (!organization.accessible()) {
        requests += 1;
        longestAfterAccounts = Math.max(longestAfterAccounts, 1);
        continue;
      }
      long projectPages = Math.max(1, pages(organization.projects().size()));
      long pipelinePages = 0;
      long longestPipelineChain = 0;
      for (EstateProject project : organization.projects()) {
        long pages = Math.max(1, pages(project.pipelines().size()));
        pipelinePages += pages;
        longestPipelineChain = Math.max(longestPipelineChain, pages);
      }
      requests += projectPages + 1 + pipelinePages;
      // After the project pages: the repository listing (1) and each project's pipeline pages, side by side.
      longestAfterAccounts = Math.max(longestAfterAccounts, projectPages + Math.max(1, longestPipelineChain));
    }
    return new RequestPlan(requests, 2 + longestAfterAccounts);
  }

  private static long pages(long items) {
    return (items + PAGE_SIZE - 1) / PAGE_SIZE;
  }

  /** R. */
  long fewestRequests() {
    return fewestRequests;
  }

  /** L. */
  long longestChain() {
    return longestChain;
  }

  /** ceil(R / C). */
  long rounds(int concurrency) {
    return (fewestRequests + concurrency - 1) / concurrency;
  }

  /** latency * max(L, ceil(R / C)), in milliseconds. */
  long idealMillis(long latencyMillis, int concurrency) {
    return latencyMillis * Math.max(longestChain, rounds(concurrency));
  }
}
