/** The GitHub REST payloads the client binds, as the REST reference documents them (the fields it reads). Not API. */
package io.github.devopsconnector.github.implementation.models;
