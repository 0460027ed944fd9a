package io.cetus.client.informer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.resource.ResourceType;
import io.cetus.client.ListOptions;
import io.cetus.client.ObjectClient;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.ObjectList;
import io.cetus.client.WatchOptions;
import io.cetus.client.WatchStream;

/**
 * Lists and watches through an {@link ObjectClient}: paged lists, and watches with bookmarks and a
 * random server-side timeout between 5 and 10 minutes (so many informers do not all reconnect at
 * once). Optionally narrowed to one namespace and by label and field selectors, which the server
 * applies to the list and the watch alike; a node agent watches {@code spec.nodeName=<node>} this
 * way.
 */
public final class ClientListerWatcher<T extends ApiObject> implements ListerWatcher<T> {

  static final int PAGE_SIZE = 500;
  private static final int MIN_WATCH_TIMEOUT_SECONDS = 300;
  private static final int MAX_WATCH_TIMEOUT_SECONDS = 600;

  private final ObjectClient<T> client;
  private final @Nullable String namespace;
  private final ListOptions selectors;

  private ClientListerWatcher(
      ObjectClient<T> client, @Nullable String namespace, ListOptions selectors) {
    this.client = client;
    this.namespace = namespace;
    this.selectors = selectors.withLimit(null).withContinue(null);
  }

  /** Every object of the client's kind, in all namespaces. */
  public static <T extends ApiObject> ClientListerWatcher<T> of(ObjectClient<T> client) {
    return new ClientListerWatcher<>(client, null, ListOptions.ALL);
  }

  /**
   * The objects in {@code namespace} ({@code null} for all) that match the label and field
   * selectors of {@code selectors}.
   */
  public static <T extends ApiObject> ClientListerWatcher<T> of(
      ObjectClient<T> client, @Nullable String namespace, ListOptions selectors) {
    return new ClientListerWatcher<>(client, namespace, selectors);
  }

  /** Informers over the clients {@code clients} makes. */
  public static ListerWatcherSource source(ObjectClientFactory clients) {
    return new ListerWatcherSource() {
      @Override
      public <U extends ApiObject> ListerWatcher<U> listerWatcher(
          ResourceType type, Class<U> javaType) {
        return of(clients.objects(type, javaType));
      }
    };
  }

  @Override
  public ObjectList<T> list() {
    try {
      return listInPages();
    } catch (ApiException e) {
      if (!ApiErrors.isGone(e)) {
        throw e;
      }
      // The continue token outlived the revision it pinned; one unpaged list is consistent.
      return client.list(namespace, selectors);
    }
  }

  private ObjectList<T> listInPages() {
    ObjectList<T> page = client.list(namespace, selectors.withLimit(PAGE_SIZE));
    if (!page.hasMore()) {
      return page;
    }
    List<T> items = new ArrayList<>(page.items());
    String resourceVersion = page.resourceVersion();
    while (page.hasMore()) {
      page =
          client.list(namespace, selectors.withLimit(PAGE_SIZE).withContinue(page.continueToken()));
      items.addAll(page.items());
    }
    return new ObjectList<>(items, resourceVersion, null);
  }

  @Override
  public WatchStream<T> watch(String resourceVersion) {
    int timeout =
        ThreadLocalRandom.current().nextInt(MIN_WATCH_TIMEOUT_SECONDS, MAX_WATCH_TIMEOUT_SECONDS);
    return client.watch(
        namespace,
        WatchOptions.matching(selectors, resourceVersion)
            .withTimeoutSeconds(timeout)
            .withBookmarks(true));
  }
}
