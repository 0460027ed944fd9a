package io.cetus.objectstore.table;

/**
 * One column of a Table, as in {@code columnDefinitions}.
 *
 * @param type {@code string} or {@code integer}
 * @param format {@code name} for the column kubectl treats as the object's name, else empty
 * @param priority 0 for default columns, 1 for those only {@code -o wide} shows
 */
record TableColumn(String name, String type, String format, String description, int priority) {

  /** The wide columns every workload with a pod template shows. */
  static final TableColumn CONTAINERS =
      wide("Containers", "Names of the containers in the pod template.");

  static final TableColumn IMAGES = wide("Images", "Images of the containers in the pod template.");

  static final TableColumn SELECTOR = wide("Selector", "The label selector of the pods.");

  static TableColumn nameColumn() {
    return new TableColumn(
        "Name", "string", "name", "Name of the object, unique within its namespace.", 0);
  }

  static TableColumn ageColumn() {
    return string("Age", "Time since the object was created.");
  }

  static TableColumn string(String name, String description) {
    return new TableColumn(name, "string", "", description, 0);
  }

  static TableColumn integer(String name, String description) {
    return new TableColumn(name, "integer", "", description, 0);
  }

  static TableColumn wide(String name, String description) {
    return new TableColumn(name, "string", "", description, 1);
  }
}
