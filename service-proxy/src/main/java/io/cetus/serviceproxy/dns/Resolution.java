package io.cetus.serviceproxy.dns;

import java.util.List;

import io.netty.handler.codec.dns.DnsResponseCode;

/** What the cluster zone says about one question. */
sealed interface Resolution {

  /** The name is outside the cluster domain: the upstream resolvers answer it. */
  record Outside() implements Resolution {}

  /** The caches have not synced yet, so no answer would be trustworthy: SERVFAIL. */
  record NotReady() implements Resolution {}

  /** The zone's authoritative answer. */
  record Answer(
      DnsResponseCode code,
      List<ResourceRecord> answers,
      List<ResourceRecord> authority,
      List<ResourceRecord> additional)
      implements Resolution {}

  /**
   * The name is an ExternalName service: {@code cname} answers it, and the address records of
   * {@code target} (in the zone or upstream) complete the answer.
   */
  record Alias(ResourceRecord cname, String target) implements Resolution {}

  Outside OUTSIDE = new Outside();
  NotReady NOT_READY = new NotReady();
}
