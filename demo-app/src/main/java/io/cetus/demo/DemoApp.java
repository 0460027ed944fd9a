package io.cetus.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import sun.misc.Signal;

/**
 * Entry point: reads {@link DemoSettings} from the environment, serves until told to stop, and
 * exits 0 promptly on SIGTERM or SIGINT, as a well-behaved container should.
 */
public final class DemoApp {

  /** Exit code for settings the application cannot run with. */
  static final int BAD_SETTINGS = 2;

  private DemoApp() {}

  public static void main(String[] args) throws InterruptedException {
    PrintStream log = System.out;
    DemoSettings settings;
    try {
      settings =
          DemoSettings.fromEnvironment(System.getenv(), DemoApp::localHostname, defaultVersion());
    } catch (IllegalArgumentException e) {
      System.err.println("demo-app: " + e.getMessage());
      System.exit(BAD_SETTINGS);
      return;
    }
    // Installed first, so a container stopped while it starts still exits 0 at once.
    Signal.handle(new Signal("TERM"), signal -> shutDown(log, "SIGTERM"));
    Signal.handle(new Signal("INT"), signal -> shutDown(log, "SIGINT"));
    try {
      DemoServer.start(
          settings,
          Clock.systemUTC(),
          log,
          code -> {
            log.println("exiting with code " + code + " (/exit)");
            System.exit(code);
          });
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("demo-app: cannot start: " + e.getMessage());
      System.exit(BAD_SETTINGS);
      return;
    }
    Duration exitAfter = settings.exitAfter();
    if (exitAfter != null) {
      exitLater(exitAfter, settings.exitCode(), log);
    }
    // The listeners run on their own threads; main only keeps the process alive.
    new CountDownLatch(1).await();
  }

  private static void shutDown(PrintStream log, String signal) {
    log.println("shutting down on " + signal);
    // No graceful HttpServer.stop: it waits up to a second for its selector loop, and exiting
    // closes every connection anyway.
    System.exit(0);
  }

  private static void exitLater(Duration delay, int code, PrintStream log) {
    Thread.ofPlatform()
        .name("exit-after")
        .daemon()
        .start(
            () -> {
              try {
                TimeUnit.MILLISECONDS.sleep(delay.toMillis());
              } catch (InterruptedException e) {
                return;
              }
              log.println(
                  "exiting with code "
                      + code
                      + " after "
                      + delay.toSeconds()
                      + "s (EXIT_AFTER_SECONDS)");
              System.exit(code);
            });
  }

  private static String localHostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }

  private static String defaultVersion() {
    String version = DemoApp.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
