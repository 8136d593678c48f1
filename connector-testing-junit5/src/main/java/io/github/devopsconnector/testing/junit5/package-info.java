/**
 * The JUnit 5 extension of the DevOps connector SDK's fixtures:
 * {@link io.github.devopsconnector.testing.junit5.SimulatorExtension}.
 */
package io.github.devopsconnector.testing.junit5;
