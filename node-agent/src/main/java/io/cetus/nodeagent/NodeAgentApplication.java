package io.cetus.nodeagent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the node-agent. */
@SpringBootApplication
public class NodeAgentApplication {

  public static void main(String[] args) {
    SpringApplication.run(NodeAgentApplication.class, args);
  }
}
