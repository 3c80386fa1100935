-- Audit records about a staff account (created, enabled or disabled, role or site changed, password
-- reset) name the account they concern; the password itself is never recorded.
alter table moderation_decision add column subject_account_id bigint references account (id);
create index decision_subject_account on moderation_decision (subject_account_id, id);
