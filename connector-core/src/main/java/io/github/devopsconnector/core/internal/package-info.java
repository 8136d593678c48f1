/**
 * What the SDK's modules share beside the public API: the one Immutables style,
 * {@link io.github.devopsconnector.core.internal.SdkStyle}, and the rendering of input inside messages,
 * {@link io.github.devopsconnector.core.internal.MessageText}. Exported only to the SDK's own modules; not part of
 * the public API and may change at any time.
 */
package io.github.devopsconnector.core.internal;
