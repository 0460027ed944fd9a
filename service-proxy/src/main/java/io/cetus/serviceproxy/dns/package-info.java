/**
 * The cluster DNS, as CoreDNS' {@code kubernetes} plugin serves it: {@link
 * io.cetus.serviceproxy.dns.ClusterDnsServer} answers UDP and TCP queries on the cluster DNS
 * address from the Service and Endpoints informers' caches ({@code
 * <service>.<namespace>.svc.<domain>}, headless services, ExternalName, SRV, pod names), answers
 * every other name in the cluster domain with an authoritative NXDOMAIN, and forwards names outside
 * it to the upstream resolvers. docs/design/services.md ("Cluster DNS") describes the behaviour.
 */
@NullMarked
package io.cetus.serviceproxy.dns;

import org.jspecify.annotations.NullMarked;
