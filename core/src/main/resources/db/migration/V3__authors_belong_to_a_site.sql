-- Every author belongs to one site, so that a site's moderators can act on its authors and no
-- others. External authors always had their site; a guest is bound to the first site it takes part
-- in. Guests from before this version are bound to the site of their first comment.
update author set site_id = (select min(c.site_id) from comment c where c.author_id = author.id)
 where site_id is null;

-- How screening treats the author's comments, set by a moderator of the author's site:
-- NORMAL, TRUSTED (no new-author review, no link limit) or PREMODERATED (every comment held).
alter table author add column trust varchar(20) default 'NORMAL' not null;
