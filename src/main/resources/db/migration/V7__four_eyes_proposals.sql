-- Four eyes on every serious decision: a proposal is an action (confirm, dismiss or close) one
-- person asked for and a second person approves or rejects. proposed_form and proposed_by (V2) stay;
-- what was proposed, when, with which dismissal reason and comment is new. approved_by: who approved
-- the warning's current decision (cleared when it is reopened).

ALTER TABLE warning ADD COLUMN proposed_action VARCHAR(16);
ALTER TABLE warning ADD COLUMN proposed_reason VARCHAR(32);
ALTER TABLE warning ADD COLUMN proposed_comment LONGTEXT;
ALTER TABLE warning ADD COLUMN proposed_at DATETIME;
ALTER TABLE warning ADD COLUMN approved_by VARCHAR(64);
-- The highest suggested form the warning ever had: a record reposted with other content can lower the
-- form, but not the number of people it takes to decide the warning away.
ALTER TABLE warning ADD COLUMN highest_form INT;
UPDATE warning SET highest_form = form;

-- Proposals made before this version could only be confirmations.
UPDATE warning SET proposed_action = 'CONFIRM', proposed_at = updated_at WHERE proposed_by IS NOT NULL;

-- Before this version a decided form of 3 or more could only come from an approval.
UPDATE warning SET approved_by = (SELECT MAX(a.actor) FROM warning_action a WHERE a.warning_id = warning.id AND a.action = 'APPROVE')
WHERE decided_form >= 3 AND status IN ('CONFIRMED', 'CLOSED');
