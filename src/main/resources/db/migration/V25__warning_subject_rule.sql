-- G2 counts the earlier hits of one rule on one subject, newest first and only as many as it needs: this index lets the
-- database stop there instead of reading every warning of a subject hit thousands of times.
CREATE INDEX ix_warning_subject_rule ON warning_subject (subject_ref, rule_id, occurred_at);
