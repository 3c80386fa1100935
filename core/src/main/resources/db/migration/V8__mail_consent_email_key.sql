-- Mail consents are also looked up by address (at most three confirmation mails a day to one
-- address, whichever reader asks), case-insensitively. email_key is the address in lower case,
-- kept by the application, so one plain index serves H2 and PostgreSQL alike.
alter table mail_consent add column email_key varchar(320);
update mail_consent set email_key = lower(email);
alter table mail_consent alter column email_key set not null;
create index mail_consent_email_key on mail_consent (email_key, confirm_sent_at);
