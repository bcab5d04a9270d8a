package lianshao.contract;

import static lianshao.contract.FieldTypes.CODE;
import static lianshao.contract.FieldTypes.COUNT;
import static lianshao.contract.FieldTypes.DATE;
import static lianshao.contract.FieldTypes.MAX_DAYS;
import static lianshao.contract.FieldTypes.MAX_ENUM_VALUES;
import static lianshao.contract.FieldTypes.NAME;
import static lianshao.contract.FieldTypes.STAGE;
import static lianshao.contract.FieldTypes.YEAR;
import static lianshao.contract.FieldTypes.arrayOf;
import static lianshao.contract.FieldTypes.oneOf;

import java.util.EnumMap;
import java.util.Map;

/** The request-body schema of each reference-data resource (contract section 3); path variables excluded. */
final class ReferenceSchemas {

    private static final Map<ReferenceKind, ObjectSchema> SCHEMAS = new EnumMap<>(Map.of(
            ReferenceKind.ORG, org(),
            ReferenceKind.PARTY, party(),
            ReferenceKind.RELATION, relation(),
            ReferenceKind.ADMISSION_PLAN, admissionPlan(),
            ReferenceKind.SANCTION, sanction(),
            ReferenceKind.CALENDAR, calendar()));

    private static final FieldType ORG_CODE = new TextType(FieldTypes.CODE_LENGTH, true, true);
    private static final FieldType PARTY_ID = new TextType(FieldTypes.CODE_LENGTH, true, true);
    private static final ObjectSchema NO_IDENTIFIERS = ObjectSchema.builder().build();
    private static final Map<ReferenceKind, ObjectSchema> IDENTIFIERS = new EnumMap<>(Map.of(
            ReferenceKind.ORG, ObjectSchema.builder().required("orgCode", ORG_CODE).build(),
            ReferenceKind.PARTY, ObjectSchema.builder().required("partyId", PARTY_ID).build(),
            ReferenceKind.RELATION, NO_IDENTIFIERS,
            ReferenceKind.ADMISSION_PLAN, ObjectSchema.builder()
                    .required("orgCode", ORG_CODE)
                    .required("year", YEAR)
                    .required("stage", STAGE)
                    .build(),
            ReferenceKind.SANCTION, NO_IDENTIFIERS,
            ReferenceKind.CALENDAR, ObjectSchema.builder().required("year", YEAR).build()));

    private ReferenceSchemas() {
    }

    static ObjectSchema of(ReferenceKind kind) {
        return SCHEMAS.get(kind);
    }

    /**
     * The identifiers of a resource: path variables of the single form ({@code PUT /orgs/{orgCode}}), fields of
     * each item of the batch form. Relations and sanctions have none (the server assigns their ids). The reference
     * controller checks these itself, before the body; this schema describes what it accepts.
     */
    static ObjectSchema identifiers(ReferenceKind kind) {
        return IDENTIFIERS.get(kind);
    }

    private static ObjectSchema org() {
        return ObjectSchema.builder()
                .required("name", NAME)
                .required("type", oneOf("BUREAU", "SCHOOL", "UNIVERSITY", "KINDERGARTEN", "OTHER"))
                .required("district", CODE)
                .optional("parentCode", CODE)
                .build();
    }

    private static ObjectSchema party() {
        return ObjectSchema.builder()
                .required("kind", oneOf("PERSON", "ORGANISATION"))
                .required("name", NAME)
                .optional("orgCode", CODE)
                .optional("position", NAME)
                .optional("roles", arrayOf(oneOf("LEADER", "PRINCIPAL", "STAFF", "TEACHER", "STUDENT", "GUARDIAN",
                        "SUPPLIER", "EXPERT", "RESEARCHER"), MAX_ENUM_VALUES))
                .optional("phone", CODE)
                .optional("address", NAME)
                .optional(CODE, "bankAccount", "creditCode")
                .optional("registeredOn", DATE)
                .build();
    }

    private static ObjectSchema relation() {
        return ObjectSchema.builder()
                .required("fromRef", CODE)
                .required("toRef", CODE)
                .required("kind", oneOf("SPOUSE", "PARENT", "CHILD", "SIBLING", "IN_LAW", "OTHER_RELATIVE",
                        "SHAREHOLDER", "OFFICER", "LEGAL_REPRESENTATIVE", "CONTROLLER", "EMPLOYEE"))
                .optional(DATE, "validFrom", "validTo")
                .check(new DistinctValues("fromRef", "toRef"))
                .check(new DateOrder("validFrom", "validTo"))
                .build();
    }

    private static ObjectSchema admissionPlan() {
        return ObjectSchema.builder()
                .required("quota", COUNT)
                .build();
    }

    private static ObjectSchema sanction() {
        return ObjectSchema.builder()
                .required("subjectRef", CODE)
                .required("kind", oneOf("FORM_ONE_MEASURE", "PARTY_DISCIPLINE", "GOVERNMENT_SANCTION",
                        "ORGANISATIONAL", "CRIMINAL"))
                .required("form", new IntType(1, 4))
                .required("start", DATE)
                .optional("end", DATE)
                .check(new DateOrder("start", "end"))
                .build();
    }

    private static ObjectSchema calendar() {
        return ObjectSchema.builder()
                .optional(arrayOf(DATE, MAX_DAYS), "holidays", "workdays")
                .check(new DisjointDates("holidays", "workdays"))
                .build();
    }
}
