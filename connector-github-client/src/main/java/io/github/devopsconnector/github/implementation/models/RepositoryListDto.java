package io.github.devopsconnector.github.implementation.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A page of an installation's repositories: {@code {"total_count": n, "repositories": [...]}}
 * (docs.github.com/rest/apps/installations#list-repositories-accessible-to-the-user-access-token).
 *
 * @param totalCount how many there are in all
 * @param repositories this page's
 */
public record RepositoryListDto(@JsonProperty("total_count") Long totalCount, List<RepositoryDto> repositories) {}
