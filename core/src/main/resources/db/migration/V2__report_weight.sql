-- How much a report counts in the reported queue (ReportService decides when it is filed): a
-- report by a brand-new guest identity weighs less than one by an established reader.
alter table report add column weight double precision default 1 not null;
