package lianshao.contract;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Facts copied from the contract (section 2), against which the envelope tests check the fixtures. */
final class ContractFacts {

    /** The required payload fields of each domain of contract v1. */
    static final Map<Domain, Set<String>> REQUIRED_PAYLOAD_FIELDS = Map.of(
            Domain.valueOf("ADMISSION"), Set.of("studentRef", "stage", "schoolType", "year", "admissionType", "approverRef",
                    "admittedOn"),
            Domain.valueOf("RECRUITMENT"), Set.of("recruitmentId", "positionCode", "postCategory", "openings",
                    "qualifiedApplicants", "method", "candidateRef", "hired"),
            Domain.valueOf("TENDER"), Set.of("tenderId", "projectName", "category", "estimatedAmount", "procedure", "bids"),
            Domain.valueOf("PROCUREMENT"), Set.of("purchaseId", "fiscalYear", "budgetProjectCode", "itemCategory",
                    "description", "amount", "method", "supplierRef", "approverRef"),
            Domain.valueOf("RESEARCH_FUND"), Set.of("projectCode", "projectStart", "projectEnd", "piRef", "budgetLine",
                    "budgetLineAmount", "amount", "payeeRef", "paidOn", "paymentMethod"));

    /** Number of fields in each contract table, so the full fixtures provably carry every optional field. */
    static final Map<Domain, Integer> CONTRACT_FIELD_COUNT = Map.of(
            Domain.valueOf("ADMISSION"), 22, Domain.valueOf("RECRUITMENT"), 29, Domain.valueOf("TENDER"), 26, Domain.valueOf("PROCUREMENT"), 34,
            Domain.valueOf("RESEARCH_FUND"), 21);

    static final String[] PROCUREMENT_METHODS = {"OPEN_TENDER", "INVITED_TENDER", "COMPETITIVE_NEGOTIATION",
        "COMPETITIVE_CONSULTATION", "INQUIRY", "SINGLE_SOURCE", "FRAMEWORK_AGREEMENT", "DIRECT_PURCHASE"};
    static final String[] DOMAINS = {"ADMISSION", "RECRUITMENT", "TENDER", "PROCUREMENT", "RESEARCH_FUND"};

    /** The domains of contract v1 (the shared record-format specification); later domains extend it. */
    static java.util.stream.Stream<Domain> v1Domains() {
        return java.util.Arrays.stream(DOMAINS).map(Domain::valueOf);
    }

    private ContractFacts() {
    }

    /** An array of {@code count} distinct party references. */
    static ArrayNode refs(int count) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < count; i++) {
            array.add("P-" + i);
        }
        return array;
    }
}
