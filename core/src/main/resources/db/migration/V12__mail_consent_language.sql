-- The language a reader used when they last asked to be notified (the widget's lang or their
-- browser's Accept-Language): their mails and the pages behind the mails' links are written in it.
alter table mail_consent add column language varchar(8);
