package io.cetus.objectstore.protobuf;

import io.kubernetes.client.proto.Meta;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * The messages of {@code coordination.k8s.io/v1} (Lease), which client-java-proto does not ship.
 * Built by hand with the field numbers of Kubernetes' {@code coordination/v1/generated.proto}, so a
 * Lease sent as protobuf decodes like any other kind.
 */
final class LeaseProto {

  static final FileDescriptor FILE = build();

  private static final String META = ".k8s.io.apimachinery.pkg.apis.meta.v1.";

  private LeaseProto() {}

  private static FileDescriptor build() {
    FileDescriptorProto file =
        FileDescriptorProto.newBuilder()
            .setName("k8s.io/api/coordination/v1/generated.proto")
            .setPackage("k8s.io.api.coordination.v1")
            .addDependency(Meta.getDescriptor().getName())
            .addMessageType(
                DescriptorProto.newBuilder()
                    .setName("Lease")
                    .addField(message("metadata", 1, META + "ObjectMeta"))
                    .addField(message("spec", 2, ".k8s.io.api.coordination.v1.LeaseSpec")))
            .addMessageType(
                DescriptorProto.newBuilder()
                    .setName("LeaseSpec")
                    .addField(scalar("holderIdentity", 1, FieldDescriptorProto.Type.TYPE_STRING))
                    .addField(
                        scalar("leaseDurationSeconds", 2, FieldDescriptorProto.Type.TYPE_INT32))
                    .addField(message("acquireTime", 3, META + "MicroTime"))
                    .addField(message("renewTime", 4, META + "MicroTime"))
                    .addField(scalar("leaseTransitions", 5, FieldDescriptorProto.Type.TYPE_INT32))
                    .addField(scalar("strategy", 6, FieldDescriptorProto.Type.TYPE_STRING))
                    .addField(scalar("preferredHolder", 7, FieldDescriptorProto.Type.TYPE_STRING)))
            .build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[] {Meta.getDescriptor()});
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("invalid hand-written Lease descriptor", e);
    }
  }

  private static FieldDescriptorProto scalar(
      String name, int number, FieldDescriptorProto.Type type) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)
        .setType(type)
        .build();
  }

  private static FieldDescriptorProto message(String name, int number, String typeName) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)
        .setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
        .setTypeName(typeName)
        .build();
  }
}
