package lianshao.facts;

import java.time.LocalDate;
import java.util.Set;

/** A person or organisation named by records (reference data, contract section 3). */
public record Party(String id, String kind, String name, String orgCode, String position,
        Set<String> roles, String phone, String address, String bankAccount, String creditCode,
        LocalDate registeredOn) {

    public boolean person() {
        return "PERSON".equals(kind);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
