-- Indexes for the three foreign keys V1 left unindexed, so that lookups by them and the referential checks of
-- deletes on the parent (e.g. pruning checkpoints cascades to tps_geodesic_paths) use an index, not a scan.
CREATE INDEX ocean_trajectories_path_idx ON ocean_trajectories (path_id);
CREATE INDEX tps_geodesic_paths_to_checkpoint_idx ON tps_geodesic_paths (to_checkpoint_id);
CREATE INDEX geometric_barriers_kernel_idx ON geometric_barriers (kernel_id);
