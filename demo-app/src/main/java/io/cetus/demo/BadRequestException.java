package io.cetus.demo;

/** A request the demo application refuses with 400; the message names the offending parameter. */
final class BadRequestException extends RuntimeException {

  BadRequestException(String message) {
    super(message);
  }
}
