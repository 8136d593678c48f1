package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The Jackson the SDK brings is one line: core, annotations, databind and the JSR-310 module azure-core uses
 * agree, and a plain ObjectMapper works next to the SDK (with mixed lines it dies with NoClassDefFoundError).
 */
class JacksonLineTest {

  @Test
  void jacksonCoreAnnotationsDatabindAndJsr310AreOneVersion() throws Exception {
    String core = com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString();
    String databind = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString();
    String jsr310 = com.fasterxml.jackson.datatype.jsr310.PackageVersion.VERSION.toString();
    String annotations = mavenVersion(JsonProperty.class, "com.fasterxml.jackson.core", "jackson-annotations");

    assertThat(databind).isEqualTo(core);
    assertThat(jsr310).isEqualTo(core);
    assertThat(annotations).isEqualTo(core);
    assertThat(new ObjectMapper().writeValueAsString(Map.of("jackson", core))).contains(core);
  }

  private static String mavenVersion(Class<?> inJar, String group, String artifact) throws Exception {
    URL jar = inJar.getProtectionDomain().getCodeSource().getLocation();
    URL properties = new URL("jar:" + jar + "!/META-INF/maven/" + group + "/" + artifact + "/pom.properties");
    try (InputStream in = properties.openStream()) {
      Properties read = new Properties();
      read.load(in);
      return read.getProperty("version");
    }
  }
}
