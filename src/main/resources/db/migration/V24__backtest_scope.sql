-- What a backtest judged: the records it skipped because no changed rule can fire on their domain (counted as done,
-- without differences), the catalogue ids of the rules it judged (NULL: every rule) and why it judged every rule.
ALTER TABLE backtest ADD COLUMN skipped INT NOT NULL DEFAULT 0;
ALTER TABLE backtest ADD COLUMN judged_rules LONGTEXT;
ALTER TABLE backtest ADD COLUMN judged_all_reason LONGTEXT;
