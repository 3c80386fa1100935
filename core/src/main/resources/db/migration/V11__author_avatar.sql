-- The picture a host site names for its signed-in reader (the JWT's picture claim): an https URL
-- the widget shows as the reader's avatar where the site allows images. Guests have none.
alter table author add column avatar_url varchar(500);
