package io.cetus.client.informer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.client.TestObject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedInformerFactoryTest {

  private final Map<ResourceType, ScriptedListerWatcher<TestObject>> sources =
      new ConcurrentHashMap<>();
  private final SharedInformerFactory factory =
      new SharedInformerFactory(
          new ListerWatcherSource() {
            @Override
            @SuppressWarnings("unchecked")
            public <T extends ApiObject> ListerWatcher<T> listerWatcher(
                ResourceType type, Class<T> javaType) {
              return (ListerWatcher<T>)
                  sources.computeIfAbsent(type, t -> new ScriptedListerWatcher<>());
            }
          });

  @AfterEach
  void stop() {
    factory.stop();
  }

  @Test
  void oneInformerPerKindIsSharedByEveryCaller() {
    SharedInformer<TestObject> first = factory.forType(ResourceTypes.CONFIG_MAPS, TestObject.class);
    SharedInformer<TestObject> second =
        factory.forType(ResourceTypes.CONFIG_MAPS, TestObject.class);
    SharedInformer<TestObject> secrets = factory.forType(ResourceTypes.SECRETS, TestObject.class);

    assertThat(second).isSameAs(first);
    assertThat(secrets).isNotSameAs(first);
    assertThat(factory.informers()).containsExactly(first, secrets);
  }

  @Test
  void askingForAKindWithAnotherJavaTypeIsAnError() {
    factory.forType(ResourceTypes.CONFIG_MAPS, TestObject.class);

    assertThatThrownBy(() -> factory.forType(ResourceTypes.CONFIG_MAPS, OtherObject.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("configmaps");
  }

  @Test
  void informersMadeBeforeAndAfterStartAllSync() throws InterruptedException {
    factory.forType(ResourceTypes.CONFIG_MAPS, TestObject.class);
    factory.start();

    SharedInformer<TestObject> late = factory.forType(ResourceTypes.SECRETS, TestObject.class);

    assertThat(factory.awaitSynced(Duration.ofSeconds(5))).isTrue();
    assertThat(late.hasSynced()).isTrue();
  }

  private record OtherObject(String apiVersion, String kind, ObjectMeta metadata)
      implements ApiObject {}
}
