package io.cetus.replication;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.errors.ApiException;
import io.cetus.api.selector.LabelSelectors;
import io.cetus.api.selector.Selector;

/** The pods a replica set selects. */
final class ReplicaSetSelectors {

  private static final Logger log = LoggerFactory.getLogger(ReplicaSetSelectors.class);

  private ReplicaSetSelectors() {}

  /**
   * The replica set's selector; empty when it has none, an empty one or a malformed one. Admission
   * refuses all three; should one get through anyway, the replica set selects nothing rather than
   * every pod of its namespace, which it would otherwise adopt.
   */
  static Optional<Selector> of(ReplicaSet replicaSet) {
    if (replicaSet.spec().selector() == null) {
      return Optional.empty();
    }
    try {
      Selector selector = LabelSelectors.of(replicaSet.spec().selector());
      return selector.isEverything() ? Optional.empty() : Optional.of(selector);
    } catch (ApiException e) {
      log.debug(
          "ReplicaSet {}/{} has a malformed selector: {}",
          replicaSet.metadata().namespace(),
          replicaSet.metadata().name(),
          e.getMessage());
      return Optional.empty();
    }
  }
}
