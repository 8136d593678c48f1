package io.github.devopsconnector.github.implementation.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A page of installations: {@code {"total_count": n, "installations": [...]}}.
 *
 * @param totalCount how many there are in all
 * @param installations this page's
 */
public record InstallationListDto(@JsonProperty("total_count") Long totalCount,
    List<InstallationDto> installations) {}
