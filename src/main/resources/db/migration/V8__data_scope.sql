-- Data scope on every write: what an API key or a person may write for, and where a mute applies.

-- An API key writes only for the organisations it is bound to: whole districts and/or single
-- organisations (comma-separated). city_wide keys write for every organisation. Keys created before
-- this migration had no binding and wrote for the whole city: they keep doing so, flagged as
-- "whole city (unbound, from before bindings)" on the admin page until replaced by a bound key.
ALTER TABLE api_key ADD COLUMN city_wide BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE api_key ADD COLUMN bound_districts VARCHAR(2000);
ALTER TABLE api_key ADD COLUMN bound_orgs VARCHAR(4000);
ALTER TABLE api_key ADD COLUMN legacy_binding BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE api_key SET city_wide = TRUE, legacy_binding = TRUE;

-- A person may also be bound to single organisations (comma-separated): an importer of one school
-- imports only for that school. scope_district still bounds what they read and write.
ALTER TABLE app_user ADD COLUMN scope_orgs VARCHAR(2000);

-- A mute applies within the district of the person who set it (NULL: the whole city, as every
-- mute set before this migration did).
ALTER TABLE warning_mute ADD COLUMN district VARCHAR(256);

-- People's ledger imports: each school's record numbers are its own, so the source of an imported record is
-- qualified by its organisation (lianshao.imports.user-source + ':' + orgCode). Records imported before take
-- that source now, so importing the same ledger again stays UNCHANGED (the content hash leaves the source
-- out). This covers the default user-source 'ledger-import'; a deployment that configured another one runs
-- the same statement with its value.
UPDATE record SET source = CONCAT('ledger-import:', org_code) WHERE source = 'ledger-import';
