/**
 * Spring Boot wiring for controller services: an {@code ApiClient}, a Lettuce {@code RedisClient}
 * and a {@code SharedInformerFactory} from {@code platform.*} properties, and a lifecycle that wins
 * leadership, waits for the informers to sync and then runs every {@code Controller} bean, with a
 * health indicator and Micrometer metrics for them. The libraries it wires stay Spring-free.
 */
@NullMarked
package io.cetus.boot;

import org.jspecify.annotations.NullMarked;
