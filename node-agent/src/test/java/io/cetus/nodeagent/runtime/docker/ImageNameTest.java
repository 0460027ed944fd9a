package io.cetus.nodeagent.runtime.docker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageNameTest {

  @Test
  void referenceWithoutTagMeansLatest() {
    assertThat(ImageName.parse("redis")).isEqualTo(new ImageName("redis", "latest", null));
    assertThat(ImageName.parse("redis").tagOrDigest()).isEqualTo("latest");
  }

  @Test
  void tagIsSplitOff() {
    assertThat(ImageName.parse("cetus/demo-app:0.1.0"))
        .isEqualTo(new ImageName("cetus/demo-app", "0.1.0", null));
  }

  @Test
  void registryPortIsNotATag() {
    assertThat(ImageName.parse("localhost:5000/app"))
        .isEqualTo(new ImageName("localhost:5000/app", "latest", null));
    assertThat(ImageName.parse("localhost:5000/app:2"))
        .isEqualTo(new ImageName("localhost:5000/app", "2", null));
  }

  @Test
  void digestWinsOverTheTagForThePull() {
    ImageName name = ImageName.parse("app:1@sha256:abc");

    assertThat(name).isEqualTo(new ImageName("app", "1", "sha256:abc"));
    assertThat(name.tagOrDigest()).isEqualTo("sha256:abc");
    assertThat(ImageName.parse("app@sha256:abc").tag()).isNull();
  }
}
