package fr.actionsociale.commons.securite;

import java.util.Set;

/**
 * A caller for a test that calls a service directly, outside any HTTP request (to hold a transaction open, say):
 * installed with {@code QuarkusMock.installMockForType(AppelantDeTest.admin("departement-35"), Appelant.class)}.
 */
public final class AppelantDeTest {

    private AppelantDeTest() {
    }

    public static Appelant admin(String institution) {
        return new Appelant(null) {
            @Override
            public Set<String> roles() {
                return Set.of(Roles.ADMIN);
            }

            @Override
            public String institution() {
                return institution;
            }

            @Override
            public String identifiant() {
                return "admin@" + institution;
            }
        };
    }
}
