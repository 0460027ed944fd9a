package io.cetus.objectstore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the object-store-service. */
@SpringBootApplication
public class ObjectStoreApplication {

  public static void main(String[] args) {
    SpringApplication.run(ObjectStoreApplication.class, args);
  }
}
