package io.cetus.nodeagent.hollow;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether {@code platform.node-agent.hollow.nodes} is above 0: the process then runs hollow nodes
 * and none of the single-node beans.
 */
public final class HollowMode {

  static final String NODES = "platform.node-agent.hollow.nodes";

  private HollowMode() {}

  static boolean enabled(ConditionContext context) {
    return Binder.get(context.getEnvironment()).bind(NODES, Integer.class).orElse(0) > 0;
  }

  /** Matches in hollow mode. */
  public static final class On implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return enabled(context);
    }
  }

  /** Matches when the agent runs a node of its own. */
  public static final class Off implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !enabled(context);
    }
  }
}
