package io.github.devopsconnector.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrganizationSelectionTest {

  private static final OrganizationName CONTOSO = OrganizationName.parse("contoso");

  @Test
  void allExistingIncludesEveryOrganizationWithoutAutoDiscovery() {
    OrganizationSelection selection = OrganizationSelection.allExisting();

    assertThat(selection.kind()).isEqualTo(OrganizationSelection.Kind.ALL_EXISTING);
    assertThat(selection.organizations()).isEmpty();
    assertThat(selection.autoDiscovery()).isFalse();
    assertThat(selection.includes(CONTOSO)).isTrue();
  }

  @Test
  void allExistingAndFutureTurnsAutoDiscoveryOn() {
    OrganizationSelection selection = OrganizationSelection.allExistingAndFuture();

    assertThat(selection.autoDiscovery()).isTrue();
    assertThat(selection.includes(CONTOSO)).isTrue();
  }

  @Test
  void explicitIncludesOnlyItsOrganizationsIgnoringCase() {
    OrganizationSelection selection = OrganizationSelection.explicit("Contoso", "fabrikam");

    assertThat(selection.kind()).isEqualTo(OrganizationSelection.Kind.EXPLICIT);
    assertThat(selection.autoDiscovery()).isFalse();
    assertThat(selection.includes(CONTOSO)).isTrue();
    assertThat(selection.includes(OrganizationName.parse("FABRIKAM"))).isTrue();
    assertThat(selection.includes(OrganizationName.parse("tailspin"))).isFalse();
    assertThat(selection).isEqualTo(OrganizationSelection.explicit("contoso", "Fabrikam"));
  }

  @Test
  void explicitMustNotBeEmpty() {
    assertThatThrownBy(() -> OrganizationSelection.explicit(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one organization");
    assertThatThrownBy(() -> OrganizationSelection.explicit(new String[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void explicitMustNotNameAnOrganizationTwiceIgnoringCase() {
    assertThatThrownBy(() -> OrganizationSelection.explicit("contoso", "CONTOSO"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not name an organization twice");
  }

  @Test
  void explicitRefusesInvalidAndMissingNamesClearly() {
    assertThatThrownBy(() -> OrganizationSelection.explicit("bad name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The organization name \"bad name\"");
    assertThatThrownBy(() -> OrganizationSelection.explicit((String) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The organization name is missing.");
    assertThatThrownBy(() -> OrganizationSelection.explicit((String[]) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The organization list is missing.");
  }

  @Test
  void onlyExplicitSelectionsListOrganizations() {
    assertThatThrownBy(() -> ImmutableOrganizationSelection.builder()
        .kind(OrganizationSelection.Kind.ALL_EXISTING).addOrganizations(CONTOSO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Only an explicit selection lists organizations");
  }
}
