/**
 * Leader election over a Redis lease, so that of several replicas of a controller service exactly
 * one works at a time and another takes over within the lease time when it dies.
 */
@NullMarked
package io.cetus.controller.leader;

import org.jspecify.annotations.NullMarked;
