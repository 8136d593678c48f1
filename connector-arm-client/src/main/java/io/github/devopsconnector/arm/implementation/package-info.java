/**
 * Implementation of the ARM client: the HTTP pipeline and its policies (bearer tokens only to the configured
 * endpoint, the one-time authorization code only on the wire), buffered and sanitized responses, long-running
 * operation polling, URLs and JSON. Not exported; not API.
 */
package io.github.devopsconnector.arm.implementation;
