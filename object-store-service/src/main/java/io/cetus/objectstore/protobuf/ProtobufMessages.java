package io.cetus.objectstore.protobuf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Certificates;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import io.kubernetes.client.proto.V1Scheduling;
import io.kubernetes.client.proto.V1Storage;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * The protobuf message of each {@code apiVersion}/{@code kind}: Kubernetes names the message after
 * the kind, in package {@code k8s.io.api.<group>.<version>} ({@code core} for the core group, the
 * first label of the group otherwise: {@code coordination.k8s.io} → {@code coordination}).
 */
final class ProtobufMessages {

  private static final List<FileDescriptor> FILES =
      List.of(
          V1.getDescriptor(),
          V1Apps.getDescriptor(),
          V1Batch.getDescriptor(),
          V1Autoscaling.getDescriptor(),
          V1Policy.getDescriptor(),
          V1Networking.getDescriptor(),
          V1Rbac.getDescriptor(),
          V1Storage.getDescriptor(),
          V1Scheduling.getDescriptor(),
          V1Certificates.getDescriptor(),
          Meta.getDescriptor(),
          LeaseProto.FILE);

  private static final String META_PACKAGE = Meta.getDescriptor().getPackage();

  private static final Map<String, Descriptor> BY_FULL_NAME = index();

  private ProtobufMessages() {}

  /** The message an object of this kind is encoded as, if the server knows one. */
  static Optional<Descriptor> forKind(String apiVersion, String kind) {
    // clients have sent DeleteOptions under several apiVersions; it is always the meta message
    if (apiVersion.equals("meta.k8s.io/v1") || kind.equals("DeleteOptions")) {
      return Optional.ofNullable(BY_FULL_NAME.get(META_PACKAGE + "." + kind));
    }
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "core" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    int dot = group.indexOf('.');
    String packageGroup = dot < 0 ? group : group.substring(0, dot);
    return Optional.ofNullable(
        BY_FULL_NAME.get("k8s.io.api." + packageGroup + "." + version + "." + kind));
  }

  private static Map<String, Descriptor> index() {
    Map<String, Descriptor> index = new HashMap<>();
    for (FileDescriptor file : FILES) {
      for (Descriptor message : file.getMessageTypes()) {
        index.put(message.getFullName(), message);
      }
    }
    return Map.copyOf(index);
  }
}
