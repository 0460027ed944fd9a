package io.cetus.objectstore.admission;

/**
 * The path of a field as Kubernetes prints it in error causes: {@code
 * spec.template.spec.containers[0].image}, {@code data[app.properties]}.
 */
record FieldPath(String value) {

  static final FieldPath ROOT = new FieldPath("");

  static FieldPath of(String... names) {
    FieldPath path = ROOT;
    for (String name : names) {
      path = path.child(name);
    }
    return path;
  }

  FieldPath child(String name) {
    return new FieldPath(value.isEmpty() ? name : value + "." + name);
  }

  FieldPath index(int index) {
    return new FieldPath(value + "[" + index + "]");
  }

  /** An entry of a map, such as a label or a data key. */
  FieldPath key(String key) {
    return new FieldPath(value + "[" + key + "]");
  }

  @Override
  public String toString() {
    return value;
  }
}
