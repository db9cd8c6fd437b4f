-- Keeps updated_at of the three safety tables current on every UPDATE, whoever writes it, so that the in-memory
-- safety index of every process can poll "rows with updated_at > last seen" (docs/safety.md, "Keeping in step").
CREATE FUNCTION safety_touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.updated_at := clock_timestamp();
    RETURN NEW;
END;
$$;

CREATE TRIGGER geometric_barriers_touch BEFORE UPDATE ON geometric_barriers
    FOR EACH ROW EXECUTE FUNCTION safety_touch_updated_at();
CREATE TRIGGER ocean_excluded_regions_touch BEFORE UPDATE ON ocean_excluded_regions
    FOR EACH ROW EXECUTE FUNCTION safety_touch_updated_at();
CREATE TRIGGER era_exclusions_touch BEFORE UPDATE ON era_exclusions
    FOR EACH ROW EXECUTE FUNCTION safety_touch_updated_at();
