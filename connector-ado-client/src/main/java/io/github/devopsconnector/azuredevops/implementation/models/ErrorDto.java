package io.github.devopsconnector.azuredevops.implementation.models;

/**
 * The JSON body of an Azure DevOps error.
 *
 * @param message such as {@code TF400813: The user '…' is not authorized to access this resource.}
 * @param typeKey such as {@code UnauthorizedRequestException}
 * @param errorCode usually 0
 */
public record ErrorDto(String message, String typeKey, Integer errorCode) {}
