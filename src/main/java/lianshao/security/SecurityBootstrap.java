package lianshao.security;

import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the bootstrap feed, key and admin user from the environment, idempotently. */
@Component
@Order(0)
class SecurityBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecurityBootstrap.class);

    private final SecuritySettings settings;
    private final ApiKeys keys;
    private final Users users;

    SecurityBootstrap(SecuritySettings settings, ApiKeys keys, Users users) {
        this.settings = settings;
        this.keys = keys;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (present(settings.bootstrapFeed()) && present(settings.bootstrapApiKey())) {
            // the operator's key: both scopes, bound explicitly to the whole city
            keys.register(settings.bootstrapFeed(), settings.bootstrapApiKey(), EnumSet.allOf(Scope.class), Binding.CITY, "bootstrap");
            log.info("Bootstrap feed '{}' has its API key (both scopes, whole city)", settings.bootstrapFeed());
        }
        // administrators only (三员分立): whoever manages accounts decides no warning and no rule set; an account
        // change giving decision power needs a second administrator, which only the environment can create
        if (present(settings.bootstrapAdminPassword())) {
            users.ensure("admin", settings.bootstrapAdminPassword(), "管理员", Set.of(Role.ADMIN), null);
        }
        if (present(settings.bootstrapSecondAdminPassword())) {
            users.ensure("admin2", settings.bootstrapSecondAdminPassword(), "第二管理员", Set.of(Role.ADMIN), null);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
