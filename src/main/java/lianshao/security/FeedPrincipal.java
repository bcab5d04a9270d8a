package lianshao.security;

import java.util.Set;

/**
 * An authenticated data feed: the source its key is bound to, the key's scopes and the organisations it
 * may write for.
 */
public record FeedPrincipal(String source, String keyId, Set<Scope> scopes, Binding binding) {
}
