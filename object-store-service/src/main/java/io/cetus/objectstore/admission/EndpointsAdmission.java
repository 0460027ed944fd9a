package io.cetus.objectstore.admission;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.cetus.api.validation.Names;

import tools.jackson.databind.node.ObjectNode;

/**
 * Endpoints: TCP ports by default; addresses that are IPs, and named ports when there are several.
 */
final class EndpointsAdmission implements KindAdmission {

  @Override
  public void applyDefaults(ObjectNode object) {
    for (ObjectNode subset : JsonDefaults.objects(object, "subsets")) {
      for (ObjectNode port : JsonDefaults.objects(subset, "ports")) {
        JsonDefaults.setIfEmpty(port, "protocol", "TCP");
      }
    }
  }

  @Override
  public void validate(Field object) {
    for (Field subset : object.child("subsets").items()) {
      Problems problems = subset.problems();
      for (String list : List.of("addresses", "notReadyAddresses")) {
        for (Field address : subset.child(list).items()) {
          Field ipField = address.child("ip");
          String ip = Checks.requiredString(ipField);
          if (ip != null && !IpAddresses.isValid(ip)) {
            problems.invalid(ipField.path(), ip, IpAddresses.INVALID);
          }
          Field hostname = address.child("hostname");
          String host = hostname.nonEmptyString();
          if (host != null) {
            problems.invalidEach(hostname.path(), host, Names.dns1123Label(host));
          }
          address.child("nodeName").string();
          address.child("targetRef").object();
        }
      }
      List<Field> ports = subset.child("ports").items();
      Set<String> names = new HashSet<>();
      for (Field port : ports) {
        Field nameField = port.child("name");
        String name = nameField.nonEmptyString();
        if (name == null) {
          if (ports.size() > 1) {
            Checks.required(nameField);
          }
        } else {
          problems.invalidEach(nameField.path(), name, Names.dns1123Label(name));
          if (!names.add(name)) {
            problems.duplicate(nameField.path(), name);
          }
        }
        Ports.requiredNumber(port.child("port"));
        Checks.requiredOneOf(port.child("protocol"), Ports.PROTOCOLS);
        port.child("appProtocol").string();
      }
    }
  }
}
