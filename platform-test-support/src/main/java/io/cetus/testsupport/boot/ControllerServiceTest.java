package io.cetus.testsupport.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import io.cetus.testsupport.client.FakeApiClient;

/**
 * A controller service as it starts, for a {@code @SpringBootTest} of the whole service: on a
 * random port, its clients and informers on a {@link FakeApiClient} bean (which the test autowires
 * to make and read objects) instead of the object store and Redis, and leading at once, without an
 * election. More properties come with {@code @TestPropertySource}.
 *
 * <pre>{@code
 * @ControllerServiceTest
 * class ReplicationApplicationTest {
 *   @Autowired private FakeApiClient api;
 *   @LocalServerPort private int port;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"platform.watch-source=http", "platform.leader-election.enabled=false"})
@Import(InMemoryApi.class)
public @interface ControllerServiceTest {}
