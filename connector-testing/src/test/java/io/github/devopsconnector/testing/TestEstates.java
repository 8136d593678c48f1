package io.github.devopsconnector.testing;

import java.util.Locale;

/** Estates the discovery and preflight tests share. */
final class TestEstates {

  private TestEstates() {}

  /**
   * {@code organizations} organizations of {@code projects} projects each. Names mix case and order so that sorting
   * matters; every third project has no repository and every fifth no pipeline.
   */
  static Estate grid(int organizations, int projects) {
    EstateBuilder estate = Estates.builder().tokenForAllOrganizations();
    for (int o = organizations - 1; o >= 0; o--) {
      String organization = (o % 2 == 0 ? "Org-" : "org-") + String.format(Locale.ROOT, "%02d", o);
      estate.organization(organization, org -> {
        for (int p = projects - 1; p >= 0; p--) {
          int n = p;
          org.project((n % 2 == 0 ? "Project " : "project ") + n, project -> {
            if (n % 3 != 0) {
              project.repositories("service-" + n, "Docs", "web-" + n);
            }
            if (n % 5 != 0) {
              project.pipelines("ci", "Release " + n);
            }
          });
        }
      });
    }
    return estate.build();
  }
}
