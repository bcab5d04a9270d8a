package lianshao.bench;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

import lianshao.TestRecords;

/**
 * Record envelopes for the load runs: the five domains in turn, one in ten risky (a large purchase
 * by inquiry, which raises PRC-01), spread over 50 schools so that context queries find earlier
 * records of the same school. Every envelope is a new identity.
 */
final class Envelopes {

    private Envelopes() {
    }

    static ObjectNode next(long i) {
        // the domain follows i % 10 and the school (i / 10) % 50, so that every domain is spread over all
        // 50 schools (with i % 50, the admissions would all go to 5 of them)
        String org = "SCH-B" + String.format("%02d", (i / 10) % 50);
        return switch ((int) (i % 10)) {
            case 0 -> TestRecords.largeInquiry(org);
            case 1, 2, 3 -> TestRecords.smallPurchase(org);
            case 4, 5 -> TestRecords.cleanTender(org);
            case 6 -> TestRecords.recruitment(org);
            case 7, 8 -> TestRecords.researchExpense(org);
            default -> TestRecords.exceptionAdmission(org, TestRecords.unique("GUA"), TestRecords.unique("APP"));
        };
    }

    static List<String> singles(int count, long offset) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next(offset + i).toString());
        }
        return out;
    }

    static List<String> batches(int batches, int size, long offset) {
        List<String> out = new ArrayList<>(batches);
        long n = offset;
        for (int b = 0; b < batches; b++) {
            ObjectNode[] records = new ObjectNode[size];
            for (int i = 0; i < size; i++) {
                records[i] = next(n++);
            }
            out.add(TestRecords.batch(records));
        }
        return out;
    }
}
