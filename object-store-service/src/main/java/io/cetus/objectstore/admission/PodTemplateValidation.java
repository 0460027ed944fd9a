package io.cetus.objectstore.admission;

/** The checks of a pod template: its labels and annotations, and its pod spec. */
final class PodTemplateValidation {

  private PodTemplateValidation() {}

  static void validate(Field template, PodSpecOwner owner) {
    if (template.object() == null && template.isPresent()) {
      return; // the wrong type is reported
    }
    Field metadata = template.child("metadata");
    MetadataValidation.labels(metadata.child("labels"));
    MetadataValidation.annotations(metadata.child("annotations"));
    PodSpecValidation.validate(template.child("spec"), owner);
  }
}
