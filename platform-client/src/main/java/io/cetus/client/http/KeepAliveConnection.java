package io.cetus.client.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 connection that carries requests one after another: the request is written in one
 * piece, the answer read whole by its {@code Content-Length} or its chunks. Not thread-safe; a
 * {@link KeepAliveTransport} lends it to one request at a time.
 */
final class KeepAliveConnection implements AutoCloseable {

  /** The connection ended before any byte of the answer: the server never answered this request. */
  static final class NoAnswerException extends IOException {
    NoAnswerException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final int BUFFER_SIZE = 16 * 1024;
  private static final int MAX_LINE = 64 * 1024;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private int limit;
  private boolean reusable = true;
  private long idleSince;

  private KeepAliveConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  static KeepAliveConnection open(String host, int port, int connectTimeoutMillis)
      throws IOException {
    var socket = new Socket();
    try {
      socket.setTcpNoDelay(true); // the request is one write; don't wait for an ACK to send it
      socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
      return new KeepAliveConnection(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * Writes {@code request} (head and body) and reads the answer, within {@code deadlineNanos} (a
   * {@link System#nanoTime()} value). Throws {@link NoAnswerException} when the connection ends
   * before the answer starts.
   */
  ApiAnswer exchange(byte[] request, long deadlineNanos) throws IOException {
    position = 0;
    limit = 0;
    try {
      out.write(request);
      out.flush();
    } catch (IOException e) {
      reusable = false;
      throw new NoAnswerException("the connection ended before the request was sent", e);
    }
    try {
      int status = readStatusLine(deadlineNanos);
      return new ApiAnswer(status, readHeadersAndBody(status, deadlineNanos));
    } catch (IOException e) {
      reusable = false;
      throw e;
    }
  }

  /** The last answer left the connection ready for another request. */
  boolean reusable() {
    return reusable;
  }

  void markIdle() {
    idleSince = System.nanoTime();
  }

  long idleNanos() {
    return System.nanoTime() - idleSince;
  }

  @Override
  public void close() {
    reusable = false;
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is best effort: the socket is gone either way.
    }
  }

  private int readStatusLine(long deadlineNanos) throws IOException {
    while (true) {
      String line;
      try {
        line = readLine(deadlineNanos);
      } catch (HttpTimeoutException e) {
        throw e;
      } catch (IOException e) {
        if (limit == 0) {
          throw new NoAnswerException("the connection ended before an answer", e);
        }
        throw e;
      }
      if (line.length() < 12 || !line.startsWith("HTTP/1.")) {
        throw new IOException("not an HTTP/1.1 status line: " + abbreviate(line));
      }
      int status = parseStatus(line);
      if (line.charAt(7) == '0') {
        reusable = false; // an HTTP/1.0 answer; keep-alive is not worth negotiating
      }
      if (status >= 200) {
        return status;
      }
      skipHeaders(deadlineNanos); // 100 Continue and other interim answers
    }
  }

  private byte[] readHeadersAndBody(int status, long deadlineNanos) throws IOException {
    long contentLength = -1;
    boolean chunked = false;
    String line;
    while (!(line = readLine(deadlineNanos)).isEmpty()) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      if (name.equalsIgnoreCase("Content-Length")) {
        contentLength = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
      } else if (name.equalsIgnoreCase("Connection")
          && value.toLowerCase(Locale.ROOT).contains("close")) {
        reusable = false;
      }
    }
    if (status == 204 || status == 304) {
      return new byte[0]; // never a body, whatever the headers say (RFC 9112 §6.3)
    }
    if (chunked) {
      return readChunks(deadlineNanos);
    }
    if (contentLength >= 0) {
      if (contentLength > Integer.MAX_VALUE - 8) {
        throw new IOException("answer too large: " + contentLength + " bytes");
      }
      return readExactly((int) contentLength, deadlineNanos);
    }
    reusable = false; // the body ends where the connection does
    return readToEnd(deadlineNanos);
  }

  private byte[] readChunks(long deadlineNanos) throws IOException {
    var body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(deadlineNanos);
      int extension = sizeLine.indexOf(';');
      String hex = (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip();
      int size;
      try {
        size = Integer.parseInt(hex, 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size: " + abbreviate(sizeLine), e);
      }
      if (size == 0) {
        skipHeaders(deadlineNanos); // trailers
        return body.toByteArray();
      }
      body.write(readExactly(size, deadlineNanos));
      if (!readLine(deadlineNanos).isEmpty()) {
        throw new IOException("a chunk did not end where its size said");
      }
    }
  }

  private void skipHeaders(long deadlineNanos) throws IOException {
    while (!readLine(deadlineNanos).isEmpty()) {
      // skipped
    }
  }

  private byte[] readExactly(int length, long deadlineNanos) throws IOException {
    byte[] result = new byte[length];
    int filled = Math.min(length, limit - position);
    System.arraycopy(buffer, position, result, 0, filled);
    position += filled;
    while (filled < length) {
      setTimeout(deadlineNanos);
      int read = read(result, filled, length - filled);
      if (read < 0) {
        throw new EOFException("the answer ended after " + filled + " of " + length + " bytes");
      }
      filled += read;
    }
    return result;
  }

  private byte[] readToEnd(long deadlineNanos) throws IOException {
    var body = new ByteArrayOutputStream();
    body.write(buffer, position, limit - position);
    position = limit;
    while (fill(deadlineNanos)) {
      body.write(buffer, position, limit - position);
      position = limit;
    }
    return body.toByteArray();
  }

  /** A line without its CRLF; ISO-8859-1 as HTTP/1.1 heads are. */
  private String readLine(long deadlineNanos) throws IOException {
    var line = new StringBuilder();
    while (true) {
      if (position == limit && !fill(deadlineNanos)) {
        throw new EOFException("the connection ended inside the answer's head");
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      int end = position;
      line.append(new String(buffer, start, end - start, StandardCharsets.ISO_8859_1));
      if (line.length() > MAX_LINE) {
        throw new IOException("a line of the answer's head is longer than " + MAX_LINE);
      }
      if (position < limit) {
        position++; // the LF
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
          line.setLength(length - 1);
        }
        return line.toString();
      }
    }
  }

  /** Reads more into the buffer; false at the end of the stream. */
  private boolean fill(long deadlineNanos) throws IOException {
    setTimeout(deadlineNanos);
    int read = read(buffer, 0, buffer.length);
    if (read < 0) {
      position = 0;
      limit = 0;
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }

  private int read(byte[] into, int offset, int length) throws IOException {
    try {
      return in.read(into, offset, length);
    } catch (SocketTimeoutException e) {
      var timeout = new HttpTimeoutException("no answer within the request timeout");
      timeout.initCause(e);
      throw timeout;
    }
  }

  private void setTimeout(long deadlineNanos) throws IOException {
    long remaining = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    if (remaining <= 0) {
      throw new HttpTimeoutException("no answer within the request timeout");
    }
    socket.setSoTimeout((int) Math.min(remaining, Integer.MAX_VALUE));
  }

  private static int parseStatus(String statusLine) throws IOException {
    try {
      return Integer.parseInt(statusLine, 9, 12, 10);
    } catch (NumberFormatException e) {
      throw new IOException("bad status line: " + abbreviate(statusLine), e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
