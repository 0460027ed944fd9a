package io.cetus.api.resource;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.Pod;
import io.cetus.api.json.Json;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.Scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiTypesTest {

  @Test
  void everyServedKindHasAModelClassAndBack() {
    for (ResourceType type : ResourceTypes.all()) {
      Class<? extends ApiObject> modelClass = ApiTypes.classOf(type);
      assertThat(ApiTypes.typeOf(modelClass)).as(type.qualifiedPlural()).isEqualTo(type);
    }
  }

  @Test
  void modelClassesDefaultToTheirKindAndApiVersion() {
    for (ResourceType type : ResourceTypes.all()) {
      ApiObject empty = Json.mapper().readValue("{}", ApiTypes.classOf(type));
      assertThat(empty.kind()).as(type.plural()).isEqualTo(type.kind());
      assertThat(empty.apiVersion()).as(type.plural()).isEqualTo(type.apiVersion());
      assertThat(empty.metadata()).as(type.plural()).isNotNull();
    }
  }

  @Test
  void classesOfUnservedKindsAreRefused() {
    assertThat(ApiTypes.typeOf(Pod.class)).isEqualTo(ResourceTypes.PODS);
    assertThatThrownBy(() -> ApiTypes.typeOf(Scale.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Scale");
  }
}
