package io.github.devopsconnector.azuredevops.implementation.models;

/**
 * A graph membership edge.
 *
 * @param containerDescriptor the group
 * @param memberDescriptor the member
 */
public record MembershipDto(String containerDescriptor, String memberDescriptor) {}
