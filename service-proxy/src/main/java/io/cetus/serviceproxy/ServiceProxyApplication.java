package io.cetus.serviceproxy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the service-proxy. */
@SpringBootApplication
public class ServiceProxyApplication {

  public static void main(String[] args) {
    SpringApplication.run(ServiceProxyApplication.class, args);
  }
}
