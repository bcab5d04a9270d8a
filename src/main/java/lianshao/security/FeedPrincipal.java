package lianshao.security;

import java.util.Set;

/** An authenticated data feed: the source its key is bound to and the key's scopes. */
public record FeedPrincipal(String source, String keyId, Set<Scope> scopes) {
}
