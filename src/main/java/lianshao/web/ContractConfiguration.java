package lianshao.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import lianshao.contract.ContractValidator;

/** The contract validator is plain Java; this makes it a bean for the controllers. */
@Configuration(proxyBeanMethods = false)
class ContractConfiguration {

    @Bean
    ContractValidator contractValidator() {
        return new ContractValidator();
    }
}
