package io.github.devopsconnector.azuredevops.implementation.models;

/**
 * The JSON body of an Azure DevOps error; only its message is read (the other fields, {@code typeKey} and
 * {@code errorCode}, say nothing the message does not).
 *
 * @param message such as {@code TF400813: The user '…' is not authorized to access this resource.}
 */
public record ErrorDto(String message) {}
