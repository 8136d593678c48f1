/**
 * The guided demo that {@code java -jar connector-examples.jar} runs: the whole library, end to end, against two
 * loopback simulators (Azure DevOps and Azure Resource Manager) through the real HTTP clients. {@link
 * io.github.devopsconnector.examples.demo.Demo} is the entry point; each step of the demo is a method of
 * {@code DemoRun}, meant to be read as sample code.
 */
package io.github.devopsconnector.examples.demo;
