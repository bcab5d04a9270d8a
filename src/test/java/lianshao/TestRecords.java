package lianshao;

import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.support.Json;

/**
 * Valid record envelopes of each domain, named by what they are, to be changed field by field with
 * {@link #set}. Every identifier is unique per call, so tests never see each other's data even on a
 * shared database.
 */
public final class TestRecords {

    public static final String SOURCE = "test-feed";

    private TestRecords() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A purchase of 300,000 by inquiry of three suppliers on a budget line of its own, approved by a person of its own (so
     * no repetition from other tests lifts a grade): clean under the first rules.
     */
    public static ObjectNode smallPurchase(String orgCode) {
        return envelope("PROCUREMENT", orgCode, "2026-04-01T09:00:00+08:00", """
                { "purchaseId": "%s", "fiscalYear": 2026, "budgetProjectCode": "%s", "itemCategory": "A02010104",
                  "description": "教室多媒体设备", "amount": 300000.00, "method": "INQUIRY", "invitedCount": 3,
                  "responsiveCount": 3, "supplierRef": "%s", "approverRef": "%s", "approverRole": "DEPARTMENT_HEAD",
                  "collectiveDecisionRef": "HY-2026-03" }""".formatted(unique("CG"), unique("BP"), unique("SUP"), unique("APP")));
    }

    /** A purchase of 2,500,000 by inquiry without approval: fires PRC-01. */
    public static ObjectNode largeInquiry(String orgCode) {
        ObjectNode record = smallPurchase(orgCode);
        set(record, "payload.amount", Json.parse("2500000.00"));
        return record;
    }

    /** An open tender with a 25-day bid period and three distinct, irregular bids: clean. */
    public static ObjectNode cleanTender(String orgCode) {
        return envelope("TENDER", orgCode, "2026-05-20T09:00:00+08:00", """
                { "tenderId": "%s", "projectName": "教学楼改造", "category": "CONSTRUCTION", "estimatedAmount": 5000000.00,
                  "procedure": "OPEN", "noticePublishedOn": "2026-03-01", "bidDeadline": "2026-03-26", "approverRef": "%s",
                  "bids": [ { "bidderRef": "B1", "price": 4800000.00, "disqualified": false },
                            { "bidderRef": "B2", "price": 4935000.00, "disqualified": false },
                            { "bidderRef": "B3", "price": 4751000.00, "disqualified": false } ] }""".formatted(unique("ZB"), unique("APP")));
    }

    /**
     * An admission by the SPECIAL_TALENT route with one guardian, publicized before admission (so ADM-10
     * stays silent); with an admission plan for its school (2026, PRIMARY) it is clean.
     */
    public static ObjectNode exceptionAdmission(String orgCode, String guardianRef, String approverRef) {
        return envelope("ADMISSION", orgCode, "2026-09-01T09:00:00+08:00", """
                { "studentRef": "%s", "stage": "PRIMARY", "schoolType": "PUBLIC", "year": 2026,
                  "admissionType": "SPECIAL_TALENT", "guardianRefs": ["%s"], "approverRef": "%s", "admittedOn": "2026-08-28",
                  "publicizedOn": "2026-08-21" }"""
                .formatted(unique("STU"), guardianRef, approverRef));
    }

    /**
     * A regular primary admission approved by the given person, resident in the school's district and
     * publicized on the day: clean when the school has an admission plan for 2026.
     */
    public static ObjectNode regularAdmission(String orgCode, String approverRef, String admittedOn) {
        return envelope("ADMISSION", orgCode, admittedOn + "T09:00:00+08:00", """
                { "studentRef": "%s", "stage": "PRIMARY", "schoolType": "PUBLIC", "year": 2026, "admissionType": "REGULAR",
                  "residenceDistrict": "东城区", "schoolDistrict": "东城区", "guardianRefs": ["%s"], "approverRef": "%s",
                  "admittedOn": "%s", "publicizedOn": "%s" }"""
                .formatted(unique("STU"), unique("G"), approverRef, admittedOn, admittedOn));
    }

    public static ObjectNode recruitment(String orgCode) {
        return envelope("RECRUITMENT", orgCode, "2026-06-01T09:00:00+08:00", """
                { "recruitmentId": "R-2026", "positionCode": "T-01", "postCategory": "TEACHING", "openings": 1,
                  "qualifiedApplicants": 5, "method": "OPEN_EXAM", "candidateRef": "%s", "hired": true }""".formatted(unique("CAND")));
    }

    public static ObjectNode researchExpense(String orgCode) {
        return envelope("RESEARCH_FUND", orgCode, "2026-06-01T09:00:00+08:00", """
                { "projectCode": "%s", "projectStart": "2025-01-01", "projectEnd": "2027-12-31", "piRef": "PI-1",
                  "budgetLine": "MATERIALS", "budgetLineAmount": 200000.00, "amount": 3000.00, "payeeRef": "SUP-1",
                  "paidOn": "2026-05-30", "paymentMethod": "BANK_TRANSFER" }""".formatted(unique("KY")));
    }

    public static ObjectNode envelope(String domain, String orgCode, String occurredAt, String payload) {
        ObjectNode envelope = (ObjectNode) Json.parse("""
                { "domain": "%s", "source": "%s", "externalId": "%s", "orgCode": "%s", "occurredAt": "%s" }"""
                .formatted(domain, SOURCE, unique("EXT"), orgCode, occurredAt));
        envelope.set("payload", Json.parse(payload));
        return envelope;
    }

    /** Sets a value at a dotted path ({@code payload.amount}); a null value removes the field. */
    public static ObjectNode set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        if (value == null) {
            node.remove(parts[parts.length - 1]);
        } else {
            node.set(parts[parts.length - 1], value);
        }
        return root;
    }

    public static ObjectNode set(ObjectNode root, String path, String text) {
        return set(root, path, text == null ? null : Json.MAPPER.getNodeFactory().stringNode(text));
    }

    public static String batch(ObjectNode... records) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("records");
        for (ObjectNode r : records) {
            list.add(r);
        }
        return body.toString();
    }
}
