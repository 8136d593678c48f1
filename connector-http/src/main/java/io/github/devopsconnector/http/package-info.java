/**
 * The HTTP transport of the SDK's service clients: URL building with encoding, strict JSON binding, the credential
 * scrubber and the origin, header and secret-body guards, paging with loop detection and a page limit, retries and
 * pacing under a call deadline, the clock and sleeper hooks, and the mapping of HTTP failures to
 * {@link io.github.devopsconnector.core.ServiceException}.
 *
 * <p>Internal; may change without notice. The module exports it only to the client modules.
 */
package io.github.devopsconnector.http;
