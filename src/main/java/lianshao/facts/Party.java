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

    /**
     * The name as messages and lists show it: an organisation's name whole, a person's pseudonymised to
     * the first character (张三 → 张*); the full name is shown on an opened warning.
     */
    public String maskedName() {
        return person() ? Masks.firstCharacter(name) : name;
    }

    /** The phone masked to its last 4 digits, for messages and evidence. */
    public String maskedPhone() {
        return Masks.lastFour(phone);
    }

    /** The bank account masked to its last 4 characters, for messages and evidence. */
    public String maskedBankAccount() {
        return Masks.lastFour(bankAccount);
    }

    /** The address cut to its first 6 characters (province, city, district), for messages and evidence. */
    public String maskedAddress() {
        return Masks.leading(address, 6);
    }
}
