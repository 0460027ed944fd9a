package io.cetus.serviceproxy.dns;

import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * An answer already in wire form, relayed as an upstream server wrote it (only its ID changed), so
 * records the cluster DNS does not decode travel intact.
 *
 * @see RawResponseEncoder
 */
final class RawResponse extends DefaultByteBufHolder {

  private final @Nullable InetSocketAddress recipient;

  /**
   * @param recipient the UDP client; {@code null} over TCP
   */
  RawResponse(ByteBuf message, @Nullable InetSocketAddress recipient) {
    super(message);
    this.recipient = recipient;
  }

  @Nullable InetSocketAddress recipient() {
    return recipient;
  }
}
