/** The node-agent. */
@NullMarked
package io.cetus.nodeagent;

import org.jspecify.annotations.NullMarked;
