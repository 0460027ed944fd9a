/**
 * The agent's Node: registers it with the machine's capacity and the engine's version, and keeps it
 * alive by updating its status and renewing its Lease in {@code kube-node-lease} every heartbeat.
 * An engine that does not answer makes the Node {@code Ready=False} rather than stopping the agent.
 */
@NullMarked
package io.cetus.nodeagent.node;

import org.jspecify.annotations.NullMarked;
