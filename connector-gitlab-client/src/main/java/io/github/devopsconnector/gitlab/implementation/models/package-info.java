/** The GitLab REST v4 payloads the client binds, as the REST reference documents them (the fields it reads). Not API. */
package io.github.devopsconnector.gitlab.implementation.models;
