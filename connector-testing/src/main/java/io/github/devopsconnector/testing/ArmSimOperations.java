package io.github.devopsconnector.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.testing.ArmSimState.ConnectorRecord;
import io.github.devopsconnector.testing.ArmSimState.DevOpsRecord;
import io.github.devopsconnector.testing.ArmSimState.Operation;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Request;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Response;
import java.util.Locale;
import java.util.UUID;

/**
 * Long-running operations as ARM documents them (async operations: {@code Azure-AsyncOperation} and
 * {@code Retry-After} on the 201/202, then an operation status resource polled until {@code Succeeded} or
 * {@code Failed}; https://learn.microsoft.com/azure/azure-resource-manager/management/async-operations).
 */
final class ArmSimOperations {

  private final ArmSimState state;
  private final ArmSimulatorOptions options;

  ArmSimOperations(ArmSimState state) {
    this.state = state;
    this.options = state.options;
  }

  Operation start(Request request, String status, String errorCode, String errorMessage, Runnable completion) {
    Operation operation = new Operation();
    operation.id = UUID.randomUUID().toString();
    operation.path = ArmSimState.connectorPath(request) + "/devops/default/operationResults/" + operation.id;
    operation.apiVersion = request.query().get("api-version");
    operation.pollsLeft = options.pollsBeforeCompletion();
    operation.status = status;
    operation.errorCode = errorCode;
    operation.errorMessage = errorMessage;
    operation.completion = completion;
    operation.start = state.now();
    state.operations.put(operation.id.toLowerCase(Locale.ROOT), operation);
    return operation;
  }

  Response asyncHeaders(Response response, Request request, Operation operation) {
    String url = request.baseUrl() + operation.path + "?api-version=" + operation.apiVersion;
    return response.header("Azure-AsyncOperation", url)
        .header("Retry-After", Integer.toString(options.retryAfterSeconds()));
  }

  Response result(Request request) {
    Operation operation = state.operations.get(request.segment(11).toLowerCase(Locale.ROOT));
    if (operation == null || !operation.path.equalsIgnoreCase(ArmSimState.connectorPath(request)
        + "/devops/default/operationResults/" + request.segment(11))) {
      return ArmSimJson.error(404, "OperationNotFound", "The operation '" + request.segment(11) + "' was not found.");
    }
    ObjectNode body = ArmSimJson.JSON.createObjectNode();
    body.put("id", operation.path + "?api-version=" + operation.apiVersion);
    body.put("name", operation.id);
    if (!operation.done && operation.pollsLeft > 0) {
      advance(operation);
      body.put("status", options.inProgressStatus());
      body.put("startTime", operation.start.toString());
      body.put("percentComplete", 50);
      return new Response(200, body).header("Retry-After", Integer.toString(options.retryAfterSeconds()));
    }
    if (!operation.done) {
      advance(operation);
    }
    body.put("status", operation.status);
    body.put("startTime", operation.start.toString());
    body.put("endTime", operation.end.toString());
    body.put("percentComplete", 100);
    if (operation.errorCode != null) {
      ObjectNode error = body.putObject("error");
      error.put("code", operation.errorCode);
      error.put("message", operation.errorMessage);
    }
    return new Response(200, body);
  }

  /**
   * A long-running write completes whether or not anyone polls it (ARM does not wait for the caller): reading the
   * configuration counts as a poll of its pending operation, so a caller that lost the operation URL still sees it
   * end.
   */
  ConnectorRecord settle(ConnectorRecord connector) {
    DevOpsRecord record = connector.devOps;
    if (record != null && record.pending != null && !record.pending.done) {
      advance(record.pending);
    }
    return connector;
  }

  private void advance(Operation operation) {
    if (operation.pollsLeft > 0) {
      operation.pollsLeft--;
      return;
    }
    operation.done = true;
    operation.end = state.now();
    operation.completion.run();
  }
}
