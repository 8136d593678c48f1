/**
 * What every SDK module shares at compile time: the one Immutables style,
 * {@link io.github.devopsconnector.core.internal.SdkStyle}. Exported only to the SDK's own modules; not part of the
 * public API and may change at any time.
 */
package io.github.devopsconnector.core.internal;
