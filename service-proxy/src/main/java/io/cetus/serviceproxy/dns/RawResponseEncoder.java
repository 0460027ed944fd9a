package io.cetus.serviceproxy.dns;

import java.net.InetSocketAddress;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageEncoder;

/**
 * Writes a {@link RawResponse}: as a datagram to its recipient, or over TCP behind the two-octet
 * length. Sits nearer the head of the pipeline than Netty's response encoder, which lets it pass.
 */
final class RawResponseEncoder extends MessageToMessageEncoder<RawResponse> {

  RawResponseEncoder() {
    super(RawResponse.class);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, RawResponse response, List<Object> out) {
    ByteBuf message = response.content();
    InetSocketAddress recipient = response.recipient();
    if (recipient != null) {
      out.add(new DatagramPacket(message.retain(), recipient));
    } else {
      out.add(ctx.alloc().buffer(2).writeShort(message.readableBytes()));
      out.add(message.retain());
    }
  }
}
