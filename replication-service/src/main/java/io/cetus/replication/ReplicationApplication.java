package io.cetus.replication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the replication-service. */
@SpringBootApplication
public class ReplicationApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReplicationApplication.class, args);
  }
}
