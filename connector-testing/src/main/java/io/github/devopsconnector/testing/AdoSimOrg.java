package io.github.devopsconnector.testing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One organization's derived identifiers and graph, computed once. */
final class AdoSimOrg {
  final EstateOrganization org;
  final String segment;
  final String vsid;
  final String subjectDescriptor;
  final String identityDescriptor;
  private final String base;
  private volatile AdoSimGraph graph;

  AdoSimOrg(EstateOrganization org, EstateUser user, String base) {
    this.org = org;
    this.base = base;
    this.segment = AdoSimIds.segment(org.name().value());
    this.vsid = AdoSimIds.uuid("vsid:" + org.id() + ":" + user.id());
    String subjectKey = AdoSimIds.uuid("subject:" + org.tenantId().map(Object::toString).orElse(org.id()) + ":" + user.id());
    if (org.tenantId().isPresent()) {
      this.subjectDescriptor = "aad." + AdoSimIds.base64Url(subjectKey);
      this.identityDescriptor =
          "Microsoft.IdentityModel.Claims.ClaimsIdentity;" + org.tenantId().get() + "\\" + user.email();
    } else {
      this.subjectDescriptor = "msa." + AdoSimIds.base64Url(subjectKey);
      String puid = String.format(Locale.ROOT, "%08X%08X", AdoSimIds.unsigned(user.id(), 0), AdoSimIds.unsigned(user.id(), 1));
      this.identityDescriptor = "Microsoft.IdentityModel.Claims.ClaimsIdentity;" + puid + "@Live.com";
    }
  }

  Optional<EstateProject> project(String nameOrId) {
    return org.projects().stream()
        .filter(p -> p.name().equalsIgnoreCase(nameOrId) || p.id().equalsIgnoreCase(nameOrId))
        .findFirst();
  }

  List<AdoSimGraph.Group> groups() {
    return graph().groups;
  }

  Map<String, List<String>> edgesUp() {
    return graph().up;
  }

  private AdoSimGraph graph() {
    AdoSimGraph current = graph;
    if (current == null) {
      synchronized (this) {
        current = graph;
        if (current == null) {
          current = new AdoSimGraph(this, base);
          graph = current;
        }
      }
    }
    return current;
  }

  String collectionSid(String groupName) {
    String orgSeed = "collection:" + org.id();
    String prefix = "S-1-9-1551374245-" + AdoSimIds.unsigned(orgSeed, 0) + "-" + AdoSimIds.unsigned(orgSeed, 1) + "-"
        + AdoSimIds.unsigned(orgSeed, 2) + "-" + AdoSimIds.unsigned(orgSeed, 3);
    if (groupName.equals(AdoSimGraph.PCA)) {
      return prefix + "-0-0-0-0-1";
    }
    String groupSeed = "group:" + org.id() + ":" + groupName.toLowerCase(Locale.ROOT);
    return prefix + "-1-" + AdoSimIds.unsigned(groupSeed, 0) + "-" + AdoSimIds.unsigned(groupSeed, 1) + "-"
        + AdoSimIds.unsigned(groupSeed, 2) + "-" + AdoSimIds.unsigned(groupSeed, 3);
  }
}
