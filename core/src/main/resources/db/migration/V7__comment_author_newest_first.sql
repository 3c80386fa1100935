-- An author's comments newest first (screening's recent record, a moderator's view of an author).
-- H2 gives the foreign key on author_id an index of its own and prefers it for "author_id = ?";
-- with that index every post sorted all the author's comments to find the latest 20. An index in
-- the order of the query is used for the sort instead, and the scan stops after 20 rows.
drop index comment_author;
create index comment_author on comment (author_id desc, id desc);
