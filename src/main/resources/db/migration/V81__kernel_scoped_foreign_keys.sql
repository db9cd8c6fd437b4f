-- Foreign keys between rows of one kernel name the kernel too (docs/scale.md): a waypoint's trajectory, a space-time
-- path's two checkpoints and a merged fragment's target must belong to the same kernel as the row itself. The database
-- now checks that, and each such key includes the column a distributed PostgreSQL (Citus) would shard these tables by,
-- so it could still be enforced there, inside one shard. The referenced pairs get the unique constraints a composite
-- foreign key needs; the one-column keys they replace go.

ALTER TABLE ocean_trajectories ADD CONSTRAINT ocean_trajectories_agent_trajectory_key UNIQUE (agent_id, trajectory_id);
ALTER TABLE ocean_waypoints ADD CONSTRAINT ocean_waypoints_agent_trajectory_fkey
    FOREIGN KEY (agent_id, trajectory_id) REFERENCES ocean_trajectories (agent_id, trajectory_id);
ALTER TABLE ocean_waypoints DROP CONSTRAINT ocean_waypoints_trajectory_id_fkey;

ALTER TABLE kernel_checkpoints ADD CONSTRAINT kernel_checkpoints_kernel_checkpoint_key UNIQUE (kernel_id, checkpoint_id);
ALTER TABLE tps_geodesic_paths ADD CONSTRAINT tps_geodesic_paths_kernel_from_fkey
    FOREIGN KEY (kernel_id, from_checkpoint_id) REFERENCES kernel_checkpoints (kernel_id, checkpoint_id) ON DELETE CASCADE;
ALTER TABLE tps_geodesic_paths ADD CONSTRAINT tps_geodesic_paths_kernel_to_fkey
    FOREIGN KEY (kernel_id, to_checkpoint_id) REFERENCES kernel_checkpoints (kernel_id, checkpoint_id) ON DELETE CASCADE;
ALTER TABLE tps_geodesic_paths DROP CONSTRAINT tps_geodesic_paths_from_checkpoint_id_fkey;
ALTER TABLE tps_geodesic_paths DROP CONSTRAINT tps_geodesic_paths_to_checkpoint_id_fkey;
-- one link per pair of checkpoints, as before (both belong to the row's kernel), now with the kernel in the key
CREATE UNIQUE INDEX tps_geodesic_paths_kernel_link_idx ON tps_geodesic_paths (from_checkpoint_id, to_checkpoint_id, kernel_id);
DROP INDEX tps_geodesic_paths_link_idx;

ALTER TABLE memory_fragments ADD CONSTRAINT memory_fragments_kernel_fragment_key UNIQUE (kernel_id, fragment_id);
ALTER TABLE memory_fragments ADD CONSTRAINT memory_fragments_kernel_into_fkey
    FOREIGN KEY (kernel_id, consolidated_into) REFERENCES memory_fragments (kernel_id, fragment_id);
ALTER TABLE memory_fragments DROP CONSTRAINT memory_fragments_consolidated_into_fkey;
