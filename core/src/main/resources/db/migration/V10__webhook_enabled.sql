-- An administrator can switch a webhook off without deleting it (and on again): a disabled hook
-- gets no new deliveries.
alter table webhook add column enabled boolean default true not null;
