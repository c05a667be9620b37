package org.xuewei.platform.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The hook for parents' real-name sign-in through the city app (OIDC, like 昌通码). It is live only
 * when a client registration {@code city} is configured
 * ({@code spring.security.oauth2.client.registration.city.*}); the parent journey itself is not built yet.
 */
@Component
public class ParentLogin {

    /** The registration id parents sign in with. */
    public static final String REGISTRATION = "city";

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
}
