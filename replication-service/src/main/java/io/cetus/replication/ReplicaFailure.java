package io.cetus.replication;

/**
 * Why the last attempt to bring a replica set to its replica count failed, as its {@code
 * ReplicaFailure} condition tells it.
 *
 * @param reason {@code FailedCreate} or {@code FailedDelete}
 */
record ReplicaFailure(String reason, String message) {

  static final String CONDITION = "ReplicaFailure";
  static final String FAILED_CREATE = "FailedCreate";
  static final String FAILED_DELETE = "FailedDelete";

  static ReplicaFailure failedCreate(String message) {
    return new ReplicaFailure(FAILED_CREATE, message);
  }

  static ReplicaFailure failedDelete(String message) {
    return new ReplicaFailure(FAILED_DELETE, message);
  }
}
