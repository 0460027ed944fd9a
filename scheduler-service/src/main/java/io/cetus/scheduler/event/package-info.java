/**
 * Recording {@code core/v1} Events about the objects the scheduler acts on, as {@code kubectl
 * describe} shows them.
 */
@NullMarked
package io.cetus.scheduler.event;

import org.jspecify.annotations.NullMarked;
