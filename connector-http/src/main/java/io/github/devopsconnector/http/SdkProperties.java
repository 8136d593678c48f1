package io.github.devopsconnector.http;

import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.ClientOptions;
import com.azure.core.util.Configuration;
import com.azure.core.util.CoreUtils;
import java.util.Map;
import java.util.Objects;

/**
 * A client module's name and version, from the properties file that Maven filters into it ({@code name} and
 * {@code version}, read with azure-core's {@link CoreUtils#getProperties(String)}), and the {@code User-Agent} they
 * make. No version is written in code.
 *
 * @param name the artifact's name, such as {@code connector-ado-client}
 * @param version the artifact's version
 */
public record SdkProperties(String name, String version) {

  /** Checks the values. */
  public SdkProperties {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }

  /**
   * Reads a module's properties file (at the root of its jar).
   *
   * @param file the file's name, such as {@code connector-ado-client.properties}
   * @param defaultName the name when the file does not say
   * @return the properties; the version is {@code unknown} when the file does not say
   */
  public static SdkProperties load(String file, String defaultName) {
    Map<String, String> properties = CoreUtils.getProperties(file);
    return new SdkProperties(properties.getOrDefault("name", defaultName),
        properties.getOrDefault("version", "unknown"));
  }

  /**
   * The {@code User-Agent} policy: {@code azsdk-java-<name>/<version>}, after the application id of the client
   * or log options, and before the platform.
   *
   * @param clientOptions the caller's client options, or null
   * @param logOptions the caller's log options, or null
   * @param configuration the configuration (whether telemetry is off), or null for none
   * @return the policy
   */
  public UserAgentPolicy userAgentPolicy(ClientOptions clientOptions, HttpLogOptions logOptions,
      Configuration configuration) {
    return new UserAgentPolicy(CoreUtils.getApplicationId(clientOptions, logOptions), name, version,
        configuration == null ? Configuration.NONE : configuration);
  }
}
