package io.github.devopsconnector.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the SDK, put on each package that declares value types: generated implementations
 * stay package-private behind the abstract types (which keep their own names in signatures and factories), only
 * JDK collections are used, {@link Value.Redacted} attributes print as {@code ****}, and no {@code withX} copy
 * methods are generated. Internal; may change without notice.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    redactedMask = "****",
    allowedClasspathAnnotations = {Override.class, org.immutables.value.Generated.class},
    defaults = @Value.Immutable(copy = false))
public @interface SdkStyle {}
