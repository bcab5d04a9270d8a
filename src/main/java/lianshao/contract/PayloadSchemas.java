package lianshao.contract;

import static lianshao.contract.FieldTypes.BOOLEAN;
import static lianshao.contract.FieldTypes.CODE;
import static lianshao.contract.FieldTypes.COUNT;
import static lianshao.contract.FieldTypes.DATE;
import static lianshao.contract.FieldTypes.MONEY;
import static lianshao.contract.FieldTypes.NUMBER;
import static lianshao.contract.FieldTypes.PROSE;
import static lianshao.contract.FieldTypes.RANK;
import static lianshao.contract.FieldTypes.MAX_BIDS;
import static lianshao.contract.FieldTypes.MAX_ENUM_VALUES;
import static lianshao.contract.FieldTypes.MAX_LINE_ITEMS;
import static lianshao.contract.FieldTypes.MAX_MEMBERS;
import static lianshao.contract.FieldTypes.MAX_PEOPLE;
import static lianshao.contract.FieldTypes.NAME;
import static lianshao.contract.FieldTypes.PEOPLE;
import static lianshao.contract.FieldTypes.SIGNED_MONEY;
import static lianshao.contract.FieldTypes.STAGE;
import static lianshao.contract.FieldTypes.TIMESTAMP;
import static lianshao.contract.FieldTypes.YEAR;
import static lianshao.contract.FieldTypes.refs;
import static lianshao.contract.FieldTypes.arrayOf;
import static lianshao.contract.FieldTypes.oneOf;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The payload schema of each domain (contract section 2). */
final class PayloadSchemas {

    private static final Map<Domain, ObjectSchema> SCHEMAS = new EnumMap<>(Map.of(
            Domain.ADMISSION, admission(),
            Domain.RECRUITMENT, recruitment(),
            Domain.TENDER, tender(),
            Domain.PROCUREMENT, procurement(),
            Domain.RESEARCH_FUND, researchFund()));

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
            List<Domain> owners = Arrays.stream(Domain.values())
                    .filter(other -> of(other).declares(name))
                    .toList();
            return owners.isEmpty() ? Messages.UNKNOWN_FIELD : Messages.unknownFieldOfDomains(owners);
        };
    }

    private static ObjectSchema admission() {
        ObjectSchema bonusItem = ObjectSchema.builder()
                .required("type", CODE)
                .required("points", NUMBER)
                .optional("certificateRef", CODE)
                .required("publicized", BOOLEAN)
                .build();
        ObjectSchema fee = ObjectSchema.builder()
                .required("type", oneOf("TUITION", "BOARDING", "DONATION", "SELECTION_FEE", "CO_BUILDING_FEE", "OTHER"))
                .required("amount", MONEY)
                .optional("paidOn", DATE)
                .optional("payerRef", CODE)
                .optional("payeeRef", CODE)
                .optional("onApprovedSchedule", BOOLEAN)
                .build();
        return ObjectSchema.builder()
                .required("studentRef", CODE)
                .optional("identityHash", CODE)
                .required("stage", STAGE)
                .required("schoolType", oneOf("PUBLIC", "PRIVATE"))
                .required("year", YEAR)
                .required("admissionType", oneOf("REGULAR", "LOTTERY", "SPECIAL_TALENT", "BONUS_POINTS", "TRANSFER",
                        "BORROWED", "DIRECTED", "SUPPLEMENTARY", "OTHER_EXCEPTION"))
                .optional("criteriaUsed", arrayOf(oneOf("SCHOOL_EXAM", "TRAINING_INSTITUTION_RESULT",
                        "COMPETITION_CERTIFICATE", "GRADE_CERTIFICATE", "INTERVIEW"), MAX_ENUM_VALUES))
                .optional(NUMBER, "examScore", "cutoffScore")
                .optional("bonusItems", arrayOf(bonusItem, MAX_LINE_ITEMS))
                .optional("bonusPointsCounted", NUMBER)
                .optional("policyBasis", PROSE)
                .optional(CODE, "specialApprovalRef", "residenceDistrict", "schoolDistrict")
                .optional("guardianRefs", PEOPLE)
                .required("approverRef", CODE)
                .optional(DATE, "admissionWindowStart", "admissionWindowClose")
                .required("admittedOn", DATE)
                .optional("publicizedOn", DATE)
                .optional("fees", arrayOf(fee, MAX_LINE_ITEMS))
                .check(new DateOrder("admissionWindowStart", "admissionWindowClose"))
                .build();
    }

    private static ObjectSchema recruitment() {
        return ObjectSchema.builder()
                .required("recruitmentId", CODE)
                .required("positionCode", CODE)
                .required("postCategory", oneOf("TEACHING", "SECRETARY", "PERSONNEL", "FINANCE", "DISCIPLINE",
                        "AUDIT", "OTHER"))
                .required("openings", COUNT)
                .required("qualifiedApplicants", COUNT)
                .optional("ratioWaiverRef", CODE)
                .required("method", oneOf("OPEN_EXAM", "ASSESSMENT_ONLY", "TALENT_INTRODUCTION", "TRANSFER_IN",
                        "POLICY_PLACEMENT", "DIRECT_APPOINTMENT"))
                .optional("announcementRef", CODE)
                .optional("requirements", PROSE)
                .optional("conditionsChangedAfterNotice", BOOLEAN)
                .required("candidateRef", CODE)
                .optional(NUMBER, "writtenScore", "interviewScore", "totalScore")
                .optional("finalRank", RANK)
                .optional("rankSkipReason", PROSE)
                .required("hired", BOOLEAN)
                .optional("credentialCheckPassed", BOOLEAN)
                .optional(PEOPLE, "panelRefs", "recusedRefs")
                .optional(CODE, "collectiveDecisionRef", "approverRef")
                .optional(DATE, "noticePublishedOn", "applicationClosesOn", "scoresReleasedOn")
                .optional("scoreChangedAfterRelease", BOOLEAN)
                .optional(DATE, "publicityStart", "publicityEnd", "hiredOn")
                .check(new DateOrder("publicityStart", "publicityEnd"))
                .build();
    }

    private static ObjectSchema tender() {
        ObjectSchema bid = ObjectSchema.builder()
                .required("bidderRef", CODE)
                .required("price", MONEY)
                .required("disqualified", BOOLEAN)
                .optional("disqualificationReason", PROSE)
                .optional("submittedAt", TIMESTAMP)
                .optional(CODE, "contactPhone", "depositAccount", "agentRef", "preparerRef", "projectManagerRef",
                        "fileFingerprint", "submittedFromIp")
                .build();
        ObjectSchema evaluator = ObjectSchema.builder()
                .required("ref", CODE)
                .required("expert", BOOLEAN)
                .required("randomlySelected", BOOLEAN)
                .required("recused", BOOLEAN)
                .build();
        ObjectSchema contractVariation = ObjectSchema.builder()
                .required("amount", SIGNED_MONEY)
                .required("on", DATE)
                .required("reason", PROSE)
                .optional("approverRef", CODE)
                .build();
        ObjectSchema subcontract = ObjectSchema.builder()
                .required("subcontractorRef", CODE)
                .required("amount", MONEY)
                .required("mainWork", BOOLEAN)
                .build();
        return ObjectSchema.builder()
                .required("tenderId", CODE)
                .required("projectName", NAME)
                .optional("projectCode", CODE)
                .optional("stateFunded", BOOLEAN)
                .required("category", oneOf("CONSTRUCTION", "GOODS", "SERVICES"))
                .required("estimatedAmount", MONEY)
                .required("procedure", oneOf("OPEN", "INVITED", "COMPETITIVE_NEGOTIATION", "COMPETITIVE_CONSULTATION",
                        "INQUIRY", "SINGLE_SOURCE", "DIRECT_AWARD"))
                .optional("exemptionReason", PROSE)
                .optional("awardCriterion", oneOf("LOWEST_PRICE", "COMPREHENSIVE"))
                .optional(DATE, "noticePublishedOn", "bidDeadline", "evaluationReportOn")
                .optional("candidates", refs(MAX_BIDS))
                .optional(DATE, "publicityStart", "publicityEnd", "awardedOn")
                .optional("rankSkipReason", PROSE)
                .optional("contractSignedOn", DATE)
                .optional("contractAmount", MONEY)
                .required("bids", arrayOf(bid, MAX_BIDS))
                .optional("winnerRef", CODE)
                .optional("awardAmount", MONEY)
                .optional("evaluators", arrayOf(evaluator, MAX_PEOPLE))
                .optional("approverRef", CODE)
                .optional("contractVariations", arrayOf(contractVariation, MAX_LINE_ITEMS))
                .optional("subcontracts", arrayOf(subcontract, MAX_LINE_ITEMS))
                .check(new DateOrder("publicityStart", "publicityEnd"))
                .build();
    }

    private static ObjectSchema procurement() {
        ObjectSchema payment = ObjectSchema.builder()
                .required("amount", MONEY)
                .required("on", DATE)
                .required("payeeRef", CODE)
                .build();
        return ObjectSchema.builder()
                .required("purchaseId", CODE)
                .required("fiscalYear", YEAR)
                .required("budgetProjectCode", CODE)
                .required("itemCategory", CODE)
                .required("description", PROSE)
                .optional("specText", PROSE)
                .required("amount", MONEY)
                .optional("quantity", NUMBER)
                .optional(MONEY, "unitPrice", "referenceUnitPrice")
                .required("method", oneOf("OPEN_TENDER", "INVITED_TENDER", "COMPETITIVE_NEGOTIATION",
                        "COMPETITIVE_CONSULTATION", "INQUIRY", "SINGLE_SOURCE", "FRAMEWORK_AGREEMENT", "DIRECT_PURCHASE"))
                .optional("methodChangeApprovalRef", CODE)
                .optional("methodChangeApprovedOn", DATE)
                .optional("singleSourceReason", oneOf("ONLY_SUPPLIER", "EMERGENCY", "COMPATIBILITY_ADDITION", "OTHER"))
                .optional(COUNT, "singleSourcePublicityDays", "invitedCount", "responsiveCount")
                .optional(DATE, "noticeStart", "responseDeadline")
                .optional("originalContractRef", CODE)
                .optional("originalContractAmount", MONEY)
                .required("supplierRef", CODE)
                .optional("chosenRank", RANK)
                .optional(PEOPLE, "staffRefs", "panelRefs", "recusedRefs")
                .required("approverRef", CODE)
                .optional("approverRole", oneOf("PRINCIPAL", "DEPUTY", "DEPARTMENT_HEAD", "OTHER"))
                .optional("collectiveDecisionRef", CODE)
                .optional(DATE, "awardedOn", "resultAnnouncedOn", "contractSignedOn", "acceptedOn")
                .optional("payments", arrayOf(payment, MAX_LINE_ITEMS))
                .build();
    }

    private static ObjectSchema researchFund() {
        return ObjectSchema.builder()
                .required("projectCode", CODE)
                .required("projectStart", DATE)
                .required("projectEnd", DATE)
                .required("piRef", CODE)
                .optional("memberRefs", refs(MAX_MEMBERS))
                .optional("managementStaffRefs", PEOPLE)
                .required("budgetLine", oneOf("LABOR", "EXPERT_CONSULTATION", "MATERIALS", "EQUIPMENT", "TESTING",
                        "TRAVEL", "CONFERENCE", "PUBLICATION", "OUTSOURCING", "INDIRECT", "OTHER"))
                .required("budgetLineAmount", MONEY)
                .optional("budgetAdjustmentRef", CODE)
                .required("amount", MONEY)
                .required("payeeRef", CODE)
                .optional("payeeAccount", CODE)
                .optional("payeeSalaried", BOOLEAN)
                .optional("expertTitleLevel", oneOf("ACADEMICIAN", "SENIOR", "OTHER"))
                .optional("expertDays", NUMBER)
                .optional("expenseType", oneOf("NORMAL", "SHOPPING_CARD", "FUEL_CARD", "VOUCHER", "FINE", "DONATION",
                        "SPONSORSHIP", "PERSONAL"))
                .required("paidOn", DATE)
                .required("paymentMethod", oneOf("OFFICIAL_CARD", "BANK_TRANSFER", "CASH", "OTHER"))
                .optional("invoiceNo", CODE)
                .optional("invoiceDate", DATE)
                .optional("description", PROSE)
                .check(new DateOrder("projectStart", "projectEnd"))
                .build();
    }
}
