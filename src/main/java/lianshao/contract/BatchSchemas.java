package lianshao.contract;

/**
 * The shape of a batch body (contract sections 1 and 3): an object whose only field is a non-empty array of at
 * most {@link ContractValidator#MAX_BATCH} elements. The elements are validated one by one by the caller.
 */
final class BatchSchemas {

    /** The array field of a record batch. */
    static final String RECORDS = "records";
    /** The array field of a reference-data batch. */
    static final String ITEMS = "items";

    private BatchSchemas() {
    }

    static ObjectSchema of(String arrayField) {
        return ObjectSchema.builder()
                .required(arrayField, new ArrayType(null, true, ContractValidator.MAX_BATCH))
                .build();
    }
}
