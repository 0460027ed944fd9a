/**
 * The scheduler-service: binds pending pods to nodes (filter the nodes a pod fits, score them, bind
 * to a best one) and, in {@code scheduler.lifecycle}, marks nodes whose agent stopped heartbeating
 * and evicts their pods. Both are controllers run by the platform starter while this replica leads.
 */
@NullMarked
package io.cetus.scheduler;

import org.jspecify.annotations.NullMarked;
