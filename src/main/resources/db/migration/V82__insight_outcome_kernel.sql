-- An insight's outcome carries the insight's kernel (docs/scale.md): the outcome is one more row of that kernel, its
-- foreign key names the kernel as well as the insight (checked: the outcome's kernel is the insight's), and its one-
-- outcome-per-insight key includes the kernel, so a distributed PostgreSQL could keep both inside one shard. The
-- unique keys lead with insight_id, so lookups by insight keep their index.
ALTER TABLE lightning_insights ADD CONSTRAINT lightning_insights_insight_kernel_key UNIQUE (insight_id, kernel_id);
ALTER TABLE lightning_insight_outcomes ADD COLUMN kernel_id text;
UPDATE lightning_insight_outcomes o SET kernel_id = i.kernel_id FROM lightning_insights i WHERE i.insight_id = o.insight_id;
ALTER TABLE lightning_insight_outcomes ALTER COLUMN kernel_id SET NOT NULL;
ALTER TABLE lightning_insight_outcomes ADD CONSTRAINT lightning_insight_outcomes_insight_kernel_key UNIQUE (insight_id, kernel_id);
ALTER TABLE lightning_insight_outcomes ADD CONSTRAINT lightning_insight_outcomes_insight_kernel_fkey
    FOREIGN KEY (insight_id, kernel_id) REFERENCES lightning_insights (insight_id, kernel_id);
ALTER TABLE lightning_insight_outcomes DROP CONSTRAINT lightning_insight_outcomes_insight_id_fkey;
ALTER TABLE lightning_insight_outcomes DROP CONSTRAINT lightning_insight_outcomes_insight_id_key;
