package io.cetus.deployment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the deployment-service. */
@SpringBootApplication
public class DeploymentApplication {

  public static void main(String[] args) {
    SpringApplication.run(DeploymentApplication.class, args);
  }
}
