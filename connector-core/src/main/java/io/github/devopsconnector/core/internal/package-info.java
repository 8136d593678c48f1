/**
 * Plumbing shared by the SDK's client modules (credential scrubbing, header checks, the redirect probe). Exported
 * only to those modules; not part of the public API and may change at any time.
 */
package io.github.devopsconnector.core.internal;
