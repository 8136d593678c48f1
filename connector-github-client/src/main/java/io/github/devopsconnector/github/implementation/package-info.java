/** The GitHub client's operations: URL building, paging, rate limits and mapping. Not API. */
package io.github.devopsconnector.github.implementation;
