-- What an administrator changes on a site after creating it. article_registration: how unknown
-- articles are registered (EMBED, SIGNED, ADMIN; null: the installation's configuration decides).
-- screening_policy: the screening-policy keys the site sets over the installation's policy, as a
-- JSON object ('{}': the installation's policy as it is).
alter table site add column article_registration varchar(20);
alter table site add column screening_policy varchar(100000) default '{}' not null;

-- Audit records about a site (its settings, its screening policy) concern no author.
alter table moderation_decision alter column subject_author_id drop not null;
