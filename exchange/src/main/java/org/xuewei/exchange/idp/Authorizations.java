package org.xuewei.exchange.idp;

import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;

/**
 * The authorization server's authorizations in memory, one caller at a time. Spring's
 * {@link InMemoryOAuth2AuthorizationService} is not safe for concurrent use: {@code findByToken} iterates its
 * synchronized map of unfinished authorizations without holding its lock, so a token request during another parent's
 * sign-in failed with a {@code ConcurrentModificationException} (HTTP 500 on {@code /oauth2/token}; found by
 * {@code scripts/load/http-check-submit.sh} at 32 sign-ins at once).
 */
@Component
class Authorizations implements OAuth2AuthorizationService {

    private final InMemoryOAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();

    @Override
    public synchronized void save(OAuth2Authorization authorization) {
        delegate.save(authorization);
    }

    @Override
    public synchronized void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public synchronized OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public synchronized OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return delegate.findByToken(token, tokenType);
    }
}
