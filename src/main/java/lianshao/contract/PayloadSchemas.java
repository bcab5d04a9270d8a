package lianshao.contract;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The payload schema of each domain (contract section 2), read once from the domains' declarations. */
final class PayloadSchemas {

    private static final Map<Domain, ObjectSchema> SCHEMAS = Domain.values().stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), DomainDeclarations::schema));

    private PayloadSchemas() {
    }

    static ObjectSchema of(Domain domain) {
        return SCHEMAS.get(domain);
    }

    /**
     * Unknown payload fields name the domains that do declare them, so a payload sent under the wrong
     * {@code domain} is recognisable from the errors. (A field unknown to {@code domain} is never its own.)
     */
    static UnaryOperator<String> unknownFieldMessage(Domain domain) {
        return name -> {
            List<Domain> owners = Domain.values().stream()
                    .filter(other -> of(other).declares(name))
                    .toList();
            return owners.isEmpty() ? Messages.UNKNOWN_FIELD : Messages.unknownFieldOfDomains(owners);
        };
    }
}
