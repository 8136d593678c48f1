package io.github.devopsconnector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
  record Item(String id, int count) {}

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void bodiesBindToRecordsSkippingUnknownProperties() {
    assertThat(Json.decode(bytes("{\"id\":\"a\",\"count\":2,\"extra\":{\"x\":[1]}}"), Item.class))
        .isEqualTo(new Item("a", 2));
    assertThat(Json.decode(bytes("[{\"id\":\"a\",\"count\":1}]"), new TypeReference<List<Item>>() {}))
        .containsExactly(new Item("a", 1));
  }

  @Test
  void anythingButThePromisedJsonFails() {
    for (String body : List.of("", "null", "{\"id\":\"a\"} trailing", "{\"id\":\"a\",\"id\":\"b\"}",
        "{\"id\":1}", "{\"id\":true}", "{\"id\":\"a\",\"count\":1.5}", "<html>")) {
      assertThatThrownBy(() -> Json.decode(bytes(body), Item.class)).as(body)
          .isInstanceOf(Json.DecodeFailure.class);
    }
    assertThat(Json.tryDecode(bytes("<html>"), Item.class)).isEmpty();
  }

  @Test
  void requestBodiesAreWritten() {
    assertThat(new String(Json.bytes(new Item("a", 1)), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":\"a\",\"count\":1}");
  }
}
