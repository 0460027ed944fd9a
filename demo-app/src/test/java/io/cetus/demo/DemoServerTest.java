package io.cetus.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DemoServerTest {

  private static final Map<String, String> ENVIRONMENT =
      Map.of("ZETA", "last", "ALPHA", "first", "API_KEY", "s3cr3t");

  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final CopyOnWriteArrayList<Integer> exitCodes = new CopyOnWriteArrayList<>();
  private DemoServer server;
  private int port;

  @BeforeEach
  void start() throws Exception {
    DemoSettings settings = new DemoSettings(0, "1.2.3", "demo-host", null, 0, null, ENVIRONMENT);
    server =
        DemoServer.start(
            settings,
            Clock.systemUTC(),
            new PrintStream(logBytes, true, StandardCharsets.UTF_8),
            exitCodes::add);
    port = server.port();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void rootReportsHostnameVersionAndUptime() {
    HttpResponse<String> answer = Http.get(port, "/");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(answer.body())
        .contains("hostname: demo-host", "version: 1.2.3")
        .containsPattern("uptime: \\d+h\\d{2}m\\d{2}s");
  }

  @Test
  void hostnameAnswersTheHostname() {
    assertThat(Http.get(port, "/hostname").body()).isEqualTo("demo-host\n");
  }

  @Test
  void healthAndHealthyFailWhileSwitchedOffAndRecoverWhenSwitchedOn() {
    assertThat(Http.get(port, "/health").statusCode()).isEqualTo(200);
    assertThat(Http.get(port, "/healthy").body()).isEqualTo("ok\n");

    HttpResponse<String> off = Http.post(port, "/switch/healthy?on=false", "");
    assertThat(off.statusCode()).isEqualTo(200);
    assertThat(off.body()).isEqualTo("healthy=false\n");
    assertThat(Http.get(port, "/health").statusCode()).isEqualTo(500);
    assertThat(Http.get(port, "/healthy").statusCode()).isEqualTo(500);
    assertThat(Http.get(port, "/ready").statusCode()).isEqualTo(200);

    assertThat(Http.get(port, "/switch/healthy?on=true").statusCode()).isEqualTo(200);
    assertThat(Http.get(port, "/health").statusCode()).isEqualTo(200);
  }

  @Test
  void readyAnswers503WhileSwitchedOffAndRecoversWhenSwitchedOn() {
    assertThat(Http.get(port, "/ready").statusCode()).isEqualTo(200);

    Http.get(port, "/switch/ready?on=false");
    assertThat(Http.get(port, "/ready").statusCode()).isEqualTo(503);
    assertThat(Http.get(port, "/health").statusCode()).isEqualTo(200);

    Http.post(port, "/switch/ready?on=true", "");
    assertThat(Http.get(port, "/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void switchWithoutATrueOrFalseValueIsABadRequestNamingTheParameter() {
    HttpResponse<String> answer = Http.get(port, "/switch/ready?on=maybe");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("'on'");
    assertThat(Http.get(port, "/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void envListsTheVariablesSortedAsKeyValueLines() {
    assertThat(Http.get(port, "/env").body()).isEqualTo("ALPHA=first\nAPI_KEY=s3cr3t\nZETA=last\n");
  }

  @Test
  void echoReturnsTheRequestBodyAndNamesTheServer() {
    HttpResponse<String> answer = Http.post(port, "/echo?msg=ignored", "hello from the body");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("hello from the body");
    assertThat(answer.headers().firstValue(InfoEndpoints.SERVED_BY)).hasValue("demo-host");
  }

  @Test
  void echoReturnsTheMsgParameterWhenThereIsNoBody() {
    HttpResponse<String> answer = Http.get(port, "/echo?msg=hi%20there");

    assertThat(answer.body()).isEqualTo("hi there");
    assertThat(answer.headers().firstValue(InfoEndpoints.SERVED_BY)).hasValue("demo-host");
  }

  @Test
  void bytesSendsTheRequestedMebibytesAndRejectsAnAmountOutOfRange() {
    HttpResponse<String> two = Http.get(port, "/bytes?mb=2");

    assertThat(two.statusCode()).isEqualTo(200);
    assertThat(two.body())
        .hasSize(2 * 1024 * 1024)
        .matches(body -> body.chars().allMatch(c -> c == 0));
    assertThat(Http.get(port, "/bytes?mb=0").body()).isEmpty();
    assertThat(Http.get(port, "/bytes?mb=-1").statusCode()).isEqualTo(400);
  }

  @Test
  void delayAnswersAfterTheRequestedTimeAndRejectsANegativeOne() {
    assertThat(Http.get(port, "/delay?ms=20").body()).isEqualTo("waited 20ms\n");

    HttpResponse<String> negative = Http.get(port, "/delay?ms=-1");
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(negative.body()).contains("'ms'");
  }

  @Test
  void allocatedMemoryIsRetainedAndGrowsTheResidentSetUntilFreed() {
    int rssBefore = rssMib(Http.get(port, "/memory").body());

    HttpResponse<String> allocated = Http.post(port, "/memory/allocate?mb=64", "");

    assertThat(allocated.statusCode()).isEqualTo(200);
    assertThat(allocated.body()).contains("retained: 64 MiB");
    assertThat(rssMib(allocated.body())).isGreaterThanOrEqualTo(rssBefore + 48);
    assertThat(Http.get(port, "/memory/allocate?mb=2").body()).contains("retained: 66 MiB");

    assertThat(Http.get(port, "/memory/free").body()).contains("retained: 0 MiB");
  }

  @Test
  void memoryLeakKeepsGrowingUntilFreed() {
    assertThat(Http.get(port, "/memory/leak?mbPerSecond=1").body()).contains("leaking: 1 MiB/s");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> retainedMib(Http.get(port, "/memory").body()) >= 2);

    String freed = Http.post(port, "/memory/free", "").body();
    assertThat(freed).contains("retained: 0 MiB", "leaking: 0 MiB/s");
  }

  @Test
  void allocateWithoutASizeIsABadRequestNamingTheParameter() {
    HttpResponse<String> answer = Http.get(port, "/memory/allocate");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("'mb'");
  }

  @Test
  void exitAnswersThenExitsWithTheRequestedCode() {
    HttpResponse<String> answer = Http.post(port, "/exit?code=3", "");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("exiting with code 3\n");
    await().atMost(Duration.ofSeconds(5)).until(() -> exitCodes.contains(3));
  }

  @Test
  void exitWithACodeAbove255IsRefusedAndDoesNotExit() {
    assertThat(Http.get(port, "/exit?code=256").statusCode()).isEqualTo(400);
    assertThat(exitCodes).isEmpty();
  }

  @Test
  void unknownPathIsNotFoundAndAWrongMethodIsNotAllowed() {
    assertThat(Http.get(port, "/nope").statusCode()).isEqualTo(404);
    assertThat(Http.get(port, "/healthz").statusCode()).isEqualTo(404);

    HttpResponse<String> delete = Http.send(port, "DELETE", "/health");
    assertThat(delete.statusCode()).isEqualTo(405);
    assertThat(delete.headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void headRequestAnswersWithoutABody() {
    HttpResponse<String> answer = Http.send(port, "HEAD", "/health");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEmpty();
  }

  @Test
  void everyRequestIsLoggedWithMethodPathAndStatus() {
    Http.get(port, "/ready?ignored=1");
    Http.get(port, "/missing");

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(logBytes.toString(StandardCharsets.UTF_8))
                    .containsPattern("(?m)^GET /ready 200 \\d+ms$")
                    .containsPattern("(?m)^GET /missing 404 \\d+ms$"));
  }

  private static int rssMib(String memoryReport) {
    return number(memoryReport, "rss: (\\d+) MiB");
  }

  private static int retainedMib(String memoryReport) {
    return number(memoryReport, "retained: (\\d+) MiB");
  }

  private static int number(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as("%s in %s", regex, text).isTrue();
    return Integer.parseInt(matcher.group(1));
  }
}
