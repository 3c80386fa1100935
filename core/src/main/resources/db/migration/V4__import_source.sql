-- Which record of an imported file became which article, author or comment of a site, so that
-- importing the same file again adds nothing. source_key names the record in its own system,
-- e.g. 'disqus:1234' (a Disqus post), 'disqus-thread:987', 'wxr:42:7' (a WordPress comment),
-- 'parley:55' (a comment of a Parley export). Exactly one of the three targets is set.
-- Ids come from a sequence in blocks of 50, so that an import's inserts are sent in JDBC batches.
create sequence import_source_seq start with 1 increment by 50;
create table import_source (
    id         bigint       primary key,
    site_id    bigint       not null references site (id),
    source_key varchar(300) not null,
    article_id bigint references article (id),
    author_id  uuid references author (id),
    comment_id bigint references comment (id),
    created_at timestamp(6) with time zone not null,
    constraint import_source_unique unique (site_id, source_key)
);
create index import_source_comment on import_source (comment_id);
create index import_source_author on import_source (author_id);
