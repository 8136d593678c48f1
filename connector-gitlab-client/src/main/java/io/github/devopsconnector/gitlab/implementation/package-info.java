/** The GitLab client's internals: operations, error mapping and payloads. Not API; may change without notice. */
package io.github.devopsconnector.gitlab.implementation;
