package io.cetus.testsupport.client;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.errors.StatusCause;
import io.cetus.api.json.Json;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.api.selector.FieldSelector;
import io.cetus.api.selector.LabelSelectors;
import io.cetus.api.selector.Selector;
import io.cetus.api.watch.WatchEvent;
import io.cetus.client.DeleteOptions;
import io.cetus.client.ListOptions;
import io.cetus.client.ObjectClient;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.ObjectList;
import io.cetus.client.PatchType;
import io.cetus.client.WatchOptions;
import io.cetus.client.informer.ClientListerWatcher;
import io.cetus.client.informer.ListerWatcher;
import io.cetus.client.informer.ListerWatcherSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-memory API server for unit tests of controllers: typed {@link ObjectClient}s of every kind
 * over one store, and a {@link ListerWatcherSource} so a {@code SharedInformerFactory} runs on it.
 *
 * <p>Behaves as the object store does where controllers notice it, and {@code ObjectClientContract}
 * checks that against both:
 *
 * <ul>
 *   <li>one global revision: every write gets the next one as {@code metadata.resourceVersion};
 *       lists carry the revision they were read at, and a watch from revision N delivers every
 *       later change of its kind in order, then follows live ones;
 *   <li>create sets {@code uid}, {@code creationTimestamp} (from the injected clock), {@code
 *       generation: 1} for kinds with a status subresource (not nodes and namespaces), drops the
 *       status of those kinds (a pod starts {@code Pending}) and fails with {@code AlreadyExists};
 *       {@code generateName} works;
 *   <li>update and patch fail with {@code Conflict} on a stale resourceVersion (none means
 *       unconditional), ignore status and server-owned metadata, bump {@code generation} when the
 *       spec changes, and write nothing for a no-op; {@code updateStatus} changes only status;
 *   <li>delete honours uid/resourceVersion preconditions; a pod bound to a node gets a {@code
 *       deletionTimestamp} for its grace period (a grace period of 0 removes it), as do objects
 *       with finalizers, which go once their last finalizer is removed;
 *   <li>the pod {@code binding} subresource sets {@code spec.nodeName} and {@code PodScheduled},
 *       and fails with {@code Conflict} when the pod is bound already or being deleted.
 * </ul>
 *
 * <p>Not modelled: admission (defaulting beyond the above, validation), namespaces having to exist,
 * garbage collection of dependents (propagation policies are accepted and ignored), JSON patch and
 * server-side apply ({@code UnsupportedMediaType}; a strategic merge patch is applied as a JSON
 * merge patch, so lists are replaced), bookmarks and watch timeouts, event expiry.
 *
 * <p>On demand, for failure tests: {@link #compact()} expires watches from older revisions, {@link
 * #dropWatches()} ends open watches as a server timeout does, {@link #failNextWrite} fails the next
 * write. Thread-safe.
 */
public final class FakeApiClient implements ObjectClientFactory, ListerWatcherSource {

  private static final long DEFAULT_POD_GRACE_SECONDS = 30;
  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final Clock clock;
  private final Map<ResourceType, TreeMap<String, ObjectNode>> objects = new HashMap<>();
  private final List<Change> history = new ArrayList<>();
  private final List<FakeWatch<?>> watches = new CopyOnWriteArrayList<>();
  private final ArrayDeque<RuntimeException> writeFailures = new ArrayDeque<>();
  private long revision;
  private long compacted;

  /** A store whose timestamps come from {@code clock}. */
  public FakeApiClient(Clock clock) {
    this.clock = clock;
  }

  public FakeApiClient() {
    this(Clock.systemUTC());
  }

  @Override
  public <T extends ApiObject> ObjectClient<T> objects(ResourceType type, Class<T> javaType) {
    return new FakeObjectClient<>(this, type, javaType);
  }

  @Override
  public <T extends ApiObject> ListerWatcher<T> listerWatcher(
      ResourceType type, Class<T> javaType) {
    return ClientListerWatcher.of(objects(type, javaType));
  }

  /** The revision of the last write. */
  public synchronized String resourceVersion() {
    return Long.toString(revision);
  }

  /** Forgets the history up to now: a watch from any earlier revision fails with Expired. */
  public synchronized void compact() {
    compacted = revision;
    history.clear();
  }

  /** Ends every open watch, as a server closing streams on its timeout does. */
  public void dropWatches() {
    watches.forEach(FakeWatch::end);
  }

  /** The next create, update, patch, delete or binding fails with {@code failure}. */
  public synchronized void failNextWrite(RuntimeException failure) {
    writeFailures.add(failure);
  }

  synchronized Optional<ObjectNode> get(
      ResourceType type, @Nullable String namespace, String name) {
    ObjectNode stored = table(type).get(key(type, namespace, name));
    return Optional.ofNullable(stored == null ? null : stored.deepCopy());
  }

  synchronized ObjectList<ObjectNode> list(
      ResourceType type, @Nullable String namespace, ListOptions options) {
    Selector labels = LabelSelectors.parse(options.labelSelector());
    FieldSelector fields = FieldSelector.parse(options.fieldSelector());
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode object : table(type).values()) {
      if (matches(type, object, namespace, labels, fields)) {
        matching.add(object.deepCopy());
      }
    }
    int from = 0;
    String listedAt = resourceVersion();
    if (options.continueToken() != null && !options.continueToken().isEmpty()) {
      ContinueToken token = ContinueToken.parse(options.continueToken());
      from = token.offset();
      listedAt = token.resourceVersion();
    }
    Integer limit = options.limit();
    if (limit == null || limit <= 0 || from + limit >= matching.size()) {
      return new ObjectList<>(
          matching.subList(Math.min(from, matching.size()), matching.size()), listedAt, null);
    }
    String next = new ContinueToken(listedAt, from + limit).toString();
    return new ObjectList<>(matching.subList(from, from + limit), listedAt, next);
  }

  synchronized ObjectNode create(ResourceType type, ObjectNode object) {
    failIfAsked();
    ObjectNode created = object.deepCopy();
    ObjectNode metadata = metadata(created);
    String name = text(metadata, "name");
    if (name == null) {
      String prefix = text(metadata, "generateName");
      if (prefix == null) {
        throw ApiException.invalid(type.kind(), "", List.of(StatusCause.required("metadata.name")));
      }
      do {
        name = prefix + randomSuffix();
      } while (table(type).containsKey(key(type, text(metadata, "namespace"), name)));
      metadata.put("name", name);
    }
    if (!type.namespaced()) {
      metadata.remove("namespace");
    }
    String key = key(type, text(metadata, "namespace"), name);
    if (table(type).containsKey(key)) {
      throw ApiException.alreadyExists(type.qualifiedPlural(), name);
    }
    created.put("apiVersion", type.apiVersion());
    created.put("kind", type.kind());
    metadata.remove(
        List.of(
            "resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"));
    metadata.put("uid", UUID.randomUUID().toString());
    metadata.put("creationTimestamp", now());
    if (tracksGeneration(type)) {
      metadata.put("generation", 1);
    }
    if (resetsStatusOnCreate(type)) {
      created.remove("status");
      if (type.equals(ResourceTypes.PODS)) {
        created.putObject("status").put("phase", "Pending");
      }
    }
    return write(type, WatchEvent.ADDED, created);
  }

  synchronized ObjectNode update(ResourceType type, ObjectNode desired) {
    failIfAsked();
    ObjectNode live = live(type, desired);
    checkPreconditions(type, live, desired);
    ObjectNode candidate = desired.deepCopy();
    ObjectNode metadata = metadata(candidate);
    ObjectNode liveMetadata = metadata(live);
    for (String field :
        List.of(
            "uid",
            "creationTimestamp",
            "deletionTimestamp",
            "deletionGracePeriodSeconds",
            "generation")) {
      JsonNode value = liveMetadata.get(field);
      if (value == null) {
        metadata.remove(field);
      } else {
        metadata.set(field, value.deepCopy());
      }
    }
    candidate.put("apiVersion", type.apiVersion());
    candidate.put("kind", type.kind());
    if (type.hasSubresource("status")) {
      JsonNode status = live.get("status");
      if (status == null) {
        candidate.remove("status");
      } else {
        candidate.set("status", status.deepCopy());
      }
    }
    if (tracksGeneration(type) && specChanged(live, candidate)) {
      metadata.put("generation", Math.max(1, liveMetadata.path("generation").asLong(1)) + 1);
    }
    return replace(type, live, candidate);
  }

  synchronized ObjectNode updateStatus(ResourceType type, ObjectNode desired) {
    failIfAsked();
    ObjectNode live = live(type, desired);
    checkPreconditions(type, live, desired);
    ObjectNode candidate = live.deepCopy();
    JsonNode status = desired.get("status");
    if (status == null || status.isNull()) {
      candidate.remove("status");
    } else {
      candidate.set("status", status.deepCopy());
    }
    return replace(type, live, candidate);
  }

  synchronized ObjectNode patch(
      ResourceType type,
      @Nullable String namespace,
      String name,
      PatchType patchType,
      String body) {
    if (patchType != PatchType.MERGE && patchType != PatchType.STRATEGIC_MERGE) {
      throw new ApiException(
          Reason.UNSUPPORTED_MEDIA_TYPE,
          "the fake API client applies merge patches only, not " + patchType.contentType());
    }
    ObjectNode live =
        get(type, namespace, name)
            .orElseThrow(() -> ApiException.notFound(type.qualifiedPlural(), name));
    JsonNode patch;
    try {
      patch = Json.mapper().readTree(body);
    } catch (RuntimeException e) {
      throw ApiException.badRequest("the patch is not JSON: " + e.getMessage());
    }
    JsonNode patched = MergePatch.apply(live, patch);
    if (!(patched instanceof ObjectNode desired)) {
      throw ApiException.badRequest("the patch must be a JSON object");
    }
    if (!(patch.path("metadata").has("resourceVersion"))) {
      metadata(desired).put("resourceVersion", text(metadata(live), "resourceVersion"));
    }
    return update(type, desired);
  }

  synchronized ObjectNode delete(
      ResourceType type, @Nullable String namespace, String name, DeleteOptions options) {
    failIfAsked();
    ObjectNode live =
        get(type, namespace, name)
            .orElseThrow(() -> ApiException.notFound(type.qualifiedPlural(), name));
    ObjectNode liveMetadata = metadata(live);
    String uid = text(liveMetadata, "uid");
    if (options.preconditionUid() != null && !options.preconditionUid().equals(uid)) {
      throw ApiException.conflict(
          type.qualifiedPlural(),
          name,
          "Precondition failed: UID in precondition: "
              + options.preconditionUid()
              + ", UID in object meta: "
              + uid);
    }
    String version = text(liveMetadata, "resourceVersion");
    if (options.preconditionResourceVersion() != null
        && !options.preconditionResourceVersion().equals(version)) {
      throw ApiException.conflict(
          type.qualifiedPlural(),
          name,
          "Precondition failed: ResourceVersion in precondition: "
              + options.preconditionResourceVersion()
              + ", ResourceVersion in object meta: "
              + version);
    }
    long grace = gracePeriodSeconds(type, live, options);
    boolean hasFinalizers = !liveMetadata.path("finalizers").isEmpty();
    if (grace == 0 && !hasFinalizers) {
      return write(type, WatchEvent.DELETED, live);
    }
    ObjectNode marked = live.deepCopy();
    ObjectNode metadata = metadata(marked);
    JsonNode current = liveMetadata.get("deletionGracePeriodSeconds");
    if (!liveMetadata.has("deletionTimestamp") || (current != null && grace < current.asLong())) {
      metadata.put(
          "deletionTimestamp",
          clock
              .instant()
              .plus(Duration.ofSeconds(grace))
              .truncatedTo(ChronoUnit.SECONDS)
              .toString());
      metadata.put("deletionGracePeriodSeconds", grace);
    }
    return replace(type, live, marked);
  }

  synchronized void bind(String namespace, String name, ObjectNode binding) {
    failIfAsked();
    String resource = ResourceTypes.PODS.qualifiedPlural() + "/binding";
    String node = text(binding.path("target"), "name");
    if (node == null) {
      throw ApiException.invalid("Binding", name, List.of(StatusCause.required("target.name")));
    }
    ObjectNode live =
        get(ResourceTypes.PODS, namespace, name)
            .orElseThrow(() -> ApiException.notFound(ResourceTypes.PODS.qualifiedPlural(), name));
    String uid = text(binding.path("metadata"), "uid");
    String liveUid = text(metadata(live), "uid");
    if (uid != null && !uid.equals(liveUid)) {
      throw ApiException.conflict(
          resource,
          name,
          "Precondition failed: UID in precondition: " + uid + ", UID in object meta: " + liveUid);
    }
    if (metadata(live).has("deletionTimestamp")) {
      throw ApiException.conflict(
          resource, name, "pod " + name + " is being deleted, cannot be assigned to a host");
    }
    String current = text(live.path("spec"), "nodeName");
    if (current != null) {
      throw ApiException.conflict(
          resource, name, "pod " + name + " is already assigned to node \"" + current + "\"");
    }
    ObjectNode bound = live.deepCopy();
    ObjectNode spec =
        bound.get("spec") instanceof ObjectNode existing ? existing : bound.putObject("spec");
    spec.put("nodeName", node);
    ObjectNode status =
        bound.get("status") instanceof ObjectNode existing ? existing : bound.putObject("status");
    ArrayNode conditions = status.arrayNode();
    for (JsonNode condition : status.path("conditions")) {
      if (!"PodScheduled".equals(text(condition, "type"))) {
        conditions.add(condition);
      }
    }
    ObjectNode scheduled = conditions.addObject();
    scheduled.put("type", "PodScheduled");
    scheduled.put("status", "True");
    scheduled.put("lastTransitionTime", now());
    status.set("conditions", conditions);
    replace(ResourceTypes.PODS, live, bound);
  }

  synchronized <T> FakeWatch<T> watch(
      ResourceType type,
      @Nullable String namespace,
      WatchOptions options,
      Function<ObjectNode, T> decode) {
    Selector labels = LabelSelectors.parse(options.labelSelector());
    FieldSelector fields = FieldSelector.parse(options.fieldSelector());
    var watch =
        new FakeWatch<>(
            type, object -> matches(type, object, namespace, labels, fields), decode, watches);
    String from = options.resourceVersion();
    if (from == null || from.isEmpty() || from.equals("0")) {
      table(type).values().forEach(object -> watch.offer(WatchEvent.ADDED, object.deepCopy()));
    } else {
      long after;
      try {
        after = Long.parseLong(from);
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("invalid resourceVersion \"" + from + "\"");
      }
      if (after < compacted) {
        throw ApiException.expired("too old resource version: " + after + " (" + compacted + ")");
      }
      for (Change change : history) {
        if (change.revision() > after && change.type().equals(type)) {
          watch.offer(change.eventType(), change.object().deepCopy());
        }
      }
    }
    watches.add(watch);
    return watch;
  }

  private ObjectNode live(ResourceType type, ObjectNode desired) {
    ObjectNode metadata = metadata(desired);
    String name = text(metadata, "name");
    if (name == null) {
      throw ApiException.badRequest("metadata.name is required for " + type.qualifiedPlural());
    }
    return get(type, text(metadata, "namespace"), name)
        .orElseThrow(() -> ApiException.notFound(type.qualifiedPlural(), name));
  }

  private static void checkPreconditions(ResourceType type, ObjectNode live, ObjectNode desired) {
    String name = String.valueOf(text(metadata(live), "name"));
    String wantedVersion = text(metadata(desired), "resourceVersion");
    if (wantedVersion != null && !wantedVersion.equals(text(metadata(live), "resourceVersion"))) {
      throw ApiException.staleResourceVersion(type.qualifiedPlural(), name);
    }
    String wantedUid = text(metadata(desired), "uid");
    String liveUid = text(metadata(live), "uid");
    if (wantedUid != null && !wantedUid.equals(liveUid)) {
      throw ApiException.conflict(
          type.qualifiedPlural(),
          name,
          "Precondition failed: UID in precondition: "
              + wantedUid
              + ", UID in object meta: "
              + liveUid);
    }
  }

  /**
   * Writes {@code candidate} over {@code live}, or nothing if it is the same; finishes deletions.
   */
  private ObjectNode replace(ResourceType type, ObjectNode live, ObjectNode candidate) {
    metadata(candidate).put("resourceVersion", text(metadata(live), "resourceVersion"));
    if (candidate.equals(live)) {
      return live;
    }
    ObjectNode metadata = metadata(candidate);
    boolean released =
        metadata.has("deletionTimestamp")
            && metadata.path("finalizers").isEmpty()
            && metadata.path("deletionGracePeriodSeconds").asLong(0) == 0;
    return write(type, released ? WatchEvent.DELETED : WatchEvent.MODIFIED, candidate);
  }

  private ObjectNode write(ResourceType type, String eventType, ObjectNode object) {
    revision++;
    ObjectNode stored = object.deepCopy();
    metadata(stored).put("resourceVersion", Long.toString(revision));
    ObjectNode metadata = metadata(stored);
    String key = key(type, text(metadata, "namespace"), String.valueOf(text(metadata, "name")));
    if (eventType.equals(WatchEvent.DELETED)) {
      table(type).remove(key);
    } else {
      table(type).put(key, stored);
    }
    history.add(new Change(revision, type, eventType, stored));
    for (FakeWatch<?> watch : watches) {
      if (watch.type().equals(type)) {
        watch.offer(eventType, stored.deepCopy());
      }
    }
    return stored.deepCopy();
  }

  private void failIfAsked() {
    RuntimeException failure = writeFailures.poll();
    if (failure != null) {
      throw failure;
    }
  }

  private TreeMap<String, ObjectNode> table(ResourceType type) {
    return objects.computeIfAbsent(type, ignored -> new TreeMap<>());
  }

  private String now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static long gracePeriodSeconds(
      ResourceType type, ObjectNode live, DeleteOptions options) {
    if (!type.equals(ResourceTypes.PODS)) {
      return 0;
    }
    String phase = text(live.path("status"), "phase");
    if (text(live.path("spec"), "nodeName") == null
        || "Succeeded".equals(phase)
        || "Failed".equals(phase)) {
      return 0;
    }
    if (options.gracePeriodSeconds() != null) {
      return Math.max(0, options.gracePeriodSeconds());
    }
    JsonNode own = live.path("spec").get("terminationGracePeriodSeconds");
    return own != null && own.isIntegralNumber()
        ? Math.max(0, own.asLong())
        : DEFAULT_POD_GRACE_SECONDS;
  }

  private static boolean matches(
      ResourceType type,
      ObjectNode object,
      @Nullable String namespace,
      Selector labels,
      FieldSelector fields) {
    JsonNode metadata = object.path("metadata");
    if (type.namespaced()
        && namespace != null
        && !namespace.isEmpty()
        && !namespace.equals(text(metadata, "namespace"))) {
      return false;
    }
    Map<String, String> objectLabels = new HashMap<>();
    metadata
        .path("labels")
        .properties()
        .forEach(e -> objectLabels.put(e.getKey(), e.getValue().asString()));
    return labels.matches(objectLabels) && fields.matches(path -> fieldValue(object, path));
  }

  private static @Nullable String fieldValue(JsonNode object, String dottedPath) {
    JsonNode node = object;
    for (String part : dottedPath.split("\\.")) {
      node = node.path(part);
    }
    return node.isValueNode() ? node.asString() : null;
  }

  private static boolean tracksGeneration(ResourceType type) {
    return type.hasSubresource("status")
        && !type.equals(ResourceTypes.NODES)
        && !type.equals(ResourceTypes.NAMESPACES);
  }

  private static boolean resetsStatusOnCreate(ResourceType type) {
    return tracksGeneration(type);
  }

  private static boolean specChanged(ObjectNode before, ObjectNode after) {
    List<String> bookkeeping = List.of("metadata", "status", "kind", "apiVersion");
    return !before.deepCopy().without(bookkeeping).equals(after.deepCopy().without(bookkeeping));
  }

  private static ObjectNode metadata(ObjectNode object) {
    return object.get("metadata") instanceof ObjectNode metadata
        ? metadata
        : object.putObject("metadata");
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asString().isEmpty() ? null : value.asString();
  }

  private static String key(ResourceType type, @Nullable String namespace, String name) {
    return (type.namespaced() && namespace != null ? namespace : "") + "/" + name;
  }

  private static String randomSuffix() {
    var suffix = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      suffix.append(
          NAME_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(NAME_ALPHABET.length())));
    }
    return suffix.toString();
  }

  private record Change(long revision, ResourceType type, String eventType, ObjectNode object) {}

  /** Where a paged list goes on: the revision of its first page and the offset of the next. */
  private record ContinueToken(String resourceVersion, int offset) {

    static ContinueToken parse(String token) {
      int slash = token.indexOf('/');
      try {
        return new ContinueToken(
            token.substring(0, slash), Integer.parseInt(token.substring(slash + 1)));
      } catch (RuntimeException e) {
        throw ApiException.badRequest("invalid continue token \"" + token + "\"");
      }
    }

    @Override
    public String toString() {
      return resourceVersion + "/" + offset;
    }
  }
}
