package io.cetus.serviceproxy.proxy;

import java.net.InetAddress;
import java.util.Set;

/**
 * The addresses this machine holds on the pods' network, as {@code /32} addresses of one interface:
 * the proxy makes each cluster IP one, so that a pod's packets to it reach the proxy.
 *
 * <p>Idempotent: adding an address already held and removing one not held succeed. Failures (no
 * such interface yet, no permission) throw {@link LocalAddressException}; callers retry later.
 * Implementations are thread-safe.
 */
public interface LocalAddresses {

  /** Makes {@code address} a local address. */
  void add(InetAddress address);

  /** Stops holding {@code address}. */
  void remove(InetAddress address);

  /** The {@code /32} addresses held now (empty when there is no interface to hold them on). */
  Set<InetAddress> list();

  /** An address could not be added or removed. */
  final class LocalAddressException extends RuntimeException {
    public LocalAddressException(String message) {
      super(message);
    }

    public LocalAddressException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
