/**
 * The {@code devops-connector} command-line tool: {@code preflight} and {@code discover} against Azure DevOps
 * Services, an Azure DevOps Server or simulator endpoint, or an embedded simulator serving an estate file;
 * {@code simulator}, which serves an estate file until stopped; and {@code bench}, which measures discovery
 * against an embedded simulator with latency. {@link io.github.devopsconnector.examples.cli.CliRunner} runs it
 * in-process; {@link io.github.devopsconnector.examples.ConnectorCli} is the {@code main} entry point.
 */
package io.github.devopsconnector.examples.cli;
