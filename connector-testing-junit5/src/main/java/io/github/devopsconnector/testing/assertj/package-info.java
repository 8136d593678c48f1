/**
 * AssertJ assertions for the DevOps connector SDK's results; start from
 * {@link io.github.devopsconnector.testing.assertj.ConnectorAssertions}.
 */
package io.github.devopsconnector.testing.assertj;
