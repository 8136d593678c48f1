package io.github.devopsconnector.ado.implementation.models;

/**
 * A graph membership edge.
 *
 * @param containerDescriptor the group
 * @param memberDescriptor the member
 */
public record MembershipDto(String containerDescriptor, String memberDescriptor) {}
