package io.cetus.demo;

import java.io.IOException;
import java.util.function.IntConsumer;

import com.sun.net.httpserver.HttpExchange;

/** {@code /exit?code=N}: answers, then makes the application exit with that code. */
final class ExitEndpoint {

  private final IntConsumer exit;

  /**
   * @param exit ends the application with the given code ({@code System::exit} in production)
   */
  ExitEndpoint(IntConsumer exit) {
    this.exit = exit;
  }

  void registerOn(Router router) {
    router.route("/exit", Router.READ_OR_WRITE, this::exit);
  }

  private void exit(HttpExchange exchange) throws IOException {
    int code = Exchanges.intParameter(exchange, "code", 0, 255);
    Exchanges.respond(exchange, 200, "exiting with code " + code + "\n");
    // Closing first flushes the answer to the caller before the process goes away.
    exchange.close();
    exit.accept(code);
  }
}
