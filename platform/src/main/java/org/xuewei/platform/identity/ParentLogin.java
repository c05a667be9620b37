package org.xuewei.platform.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Parents' real-name sign-in through the city app (OIDC authorization code + PKCE, like 昌通码). It is live only
 * when a client registration {@code city} is configured ({@code spring.security.oauth2.client.registration.city.*});
 * a signed-in parent has the role {@code PARENT} and the claim {@code id_number} (scope {@code idcard}).
 */
@Component
public class ParentLogin {

    /** The registration id parents sign in with. */
    public static final String REGISTRATION = "city";
    /** The role every signed-in parent has. */
    public static final String ROLE = "PARENT";
    /** The ID-number claim, present only when the scope {@code idcard} was granted. */
    public static final String ID_NUMBER_CLAIM = "id_number";

    private final ObjectProvider<ClientRegistrationRepository> clients;

    ParentLogin(ObjectProvider<ClientRegistrationRepository> clients) {
        this.clients = clients;
    }

    /** Where the "sign in with the city app" button goes, when the city provider is configured. */
    public Optional<String> loginPath() {
        ClientRegistrationRepository repository = clients.getIfAvailable();
        if (repository == null || repository.findByRegistrationId(REGISTRATION) == null) {
            return Optional.empty();
        }
        return Optional.of("/oauth2/authorization/" + REGISTRATION);
    }

    /** The signed-in parent, if the authentication is a parent's with an ID number. */
    public static Optional<Parent> parent(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return Optional.empty();
        }
        boolean isParent = authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + ROLE).equals(a.getAuthority()));
        String idNumber = user.getClaimAsString(ID_NUMBER_CLAIM);
        if (!isParent || idNumber == null || idNumber.isBlank()) {
            return Optional.empty();
        }
        String name = user.getFullName() != null ? user.getFullName() : user.getClaimAsString("name");
        return Optional.of(new Parent(user.getSubject(), name == null ? "" : name, idNumber));
    }
}
