package io.cetus.serviceproxy.proxy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;

/**
 * Copies bytes both ways between a client connection and an endpoint connection, which share one
 * event loop (so this needs no locking).
 *
 * <ul>
 *   <li><b>Backpressure</b>: a side stops reading while the other side's outbound buffer is above
 *       its high water mark, and reads again once it drained below the low one, so a slow reader
 *       never makes the proxy buffer more than about one water mark per direction.
 *   <li><b>Half-close</b>: end of stream on one side (FIN) shuts down the output of the other side
 *       once everything before it was written; the other direction goes on. Both connections are
 *       closed when both directions ended.
 *   <li><b>Errors</b>: a reset or failure on one side closes it and resets the other ({@code
 *       SO_LINGER 0}), so that peer sees an error rather than what looks like a complete stream.
 *   <li>No idle timeout: a connection lasts as long as its two ends keep it.
 * </ul>
 */
final class Relay {

  private static final Logger log = LoggerFactory.getLogger(Relay.class);

  private final Channel client;
  private final Channel endpoint;
  private int directionsEnded;

  private Relay(Channel client, Channel endpoint) {
    this.client = client;
    this.endpoint = endpoint;
  }

  /** Starts relaying between two connected channels of the same event loop; call on that loop. */
  static void start(Channel client, Channel endpoint, PortMetrics metrics) {
    Relay relay = new Relay(client, endpoint);
    client.pipeline().addLast("relay", relay.new Direction(endpoint, metrics.bytesToEndpoint));
    endpoint.pipeline().addLast("relay", relay.new Direction(client, metrics.bytesToClient));
    client.config().setAutoRead(true);
    endpoint.config().setAutoRead(true);
  }

  private void directionEnded() {
    directionsEnded++;
    if (directionsEnded == 2) {
      client.close();
      endpoint.close();
    }
  }

  private void abort(Throwable cause) {
    log.debug("Relay {} <-> {} failed: {}", client, endpoint, cause.toString());
    reset(client);
    reset(endpoint);
  }

  /** Closes {@code channel} with a reset (RST) instead of an orderly end of stream. */
  static void reset(Channel channel) {
    if (channel.isOpen()) {
      try {
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
      } catch (RuntimeException e) {
        // closed meanwhile: an orderly close then
      }
      channel.close();
    }
  }

  /** Reads one channel and writes into the other. */
  private final class Direction extends ChannelInboundHandlerAdapter {

    private final Channel to;
    private final Counter bytes;
    private long unreported;
    private boolean ended;

    Direction(Channel to, Counter bytes) {
      this.to = to;
      this.bytes = bytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBuf buffer) {
        unreported += buffer.readableBytes();
      }
      to.write(msg, to.voidPromise());
      if (!to.isWritable()) {
        ctx.channel().config().setAutoRead(false);
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      to.flush();
      if (unreported > 0) {
        bytes.increment(unreported);
        unreported = 0;
      }
    }

    /** This channel drained below its low water mark: the side writing into it may read again. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (ctx.channel().isWritable()) {
        to.config().setAutoRead(true);
      }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event instanceof ChannelInputShutdownEvent && !ended) {
        ended = true;
        // everything read before the FIN is written, then the FIN goes on
        to.writeAndFlush(Unpooled.EMPTY_BUFFER)
            .addListener(
                (ChannelFutureListener)
                    written -> {
                      if (!written.isSuccess()) {
                        abort(written.cause());
                      } else if (directionsEnded == 1) {
                        // the other way ended before: closing both sends the FIN
                        directionEnded();
                      } else if (to instanceof DuplexChannel duplex) {
                        duplex.shutdownOutput().addListener(shut -> outputEnded(duplex));
                      }
                    });
      }
    }

    /**
     * Nothing more goes into {@code channel}: its end of stream may close it outright, which spares
     * the kernel call and the exception of shutting down an input whose peer has gone.
     */
    private void outputEnded(DuplexChannel channel) {
      channel.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, false);
      directionEnded();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (to.isActive()) {
        to.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      abort(cause);
    }
  }
}
