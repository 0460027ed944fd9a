package io.cetus.nodeagent.runtime;

import java.util.List;

/**
 * A container's resolver settings, in place of the engine's defaults: its {@code resolv.conf}
 * {@code nameserver}, {@code search} and {@code options} lines (Docker's {@code --dns}, {@code
 * --dns-search}, {@code --dns-option}). An empty list keeps the engine's default for that line;
 * {@link #NO_SEARCH} as the only search domain asks for none at all.
 *
 * <p>On a user-defined Docker network the container's {@code resolv.conf} names Docker's embedded
 * server ({@code 127.0.0.11}), which answers for the network's containers and forwards everything
 * else to {@code nameservers}; the search and options lines are written as given.
 *
 * @param nameservers the servers to ask, in order
 * @param searches the search domains, in order
 * @param options resolver options such as {@code ndots:5}
 */
public record DnsConfig(List<String> nameservers, List<String> searches, List<String> options) {

  /** Docker's search domain for "no search domains". */
  public static final String NO_SEARCH = ".";

  public DnsConfig {
    nameservers = List.copyOf(nameservers);
    searches = List.copyOf(searches);
    options = List.copyOf(options);
  }
}
