package io.github.devopsconnector.core.azuredevops;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One page of a paged Azure DevOps list and the token of the next page.
 *
 * @param <T> the item type
 */
@Value.Immutable
public abstract class ResultPage<T> {

  ResultPage() {}

  /** The items of this page. */
  public abstract List<T> items();

  /** The token that asks for the next page; empty on the last page. */
  public abstract Optional<String> continuationToken();

  /** A page. */
  public static <T> ResultPage<T> of(List<T> items, Optional<String> continuationToken) {
    return ImmutableResultPage.<T>builder().addAllItems(items).continuationToken(continuationToken).build();
  }

  /** The last page. */
  public static <T> ResultPage<T> last(List<T> items) {
    return of(items, Optional.empty());
  }
}
