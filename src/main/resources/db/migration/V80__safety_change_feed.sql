-- The change feed of the three safety tables (docs/safety.md, "Keeping in step with the tables"): every row carries
-- the id of the last transaction that inserted or updated it (the default on insert; the store sets it on every
-- update of a table declared with a change feed). A reader that remembers the snapshot of its previous read finds
-- exactly the rows written by transactions that committed since: changed_xid >= xmin(S) AND NOT
-- pg_visible_in_snapshot(changed_xid, S). The index serves the first condition. updated_at stays as information;
-- nothing looks rows up by it any more, so its indexes go.
ALTER TABLE geometric_barriers ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE ocean_excluded_regions ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE era_exclusions ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX geometric_barriers_changed_idx ON geometric_barriers (changed_xid);
CREATE INDEX ocean_excluded_regions_changed_idx ON ocean_excluded_regions (changed_xid);
CREATE INDEX era_exclusions_changed_idx ON era_exclusions (changed_xid);
DROP INDEX geometric_barriers_updated_idx;
DROP INDEX ocean_excluded_regions_updated_idx;
DROP INDEX era_exclusions_updated_idx;
