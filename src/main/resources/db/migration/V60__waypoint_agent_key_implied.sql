-- A waypoint's agent is its trajectory's: the foreign key (agent_id, trajectory_id) → ocean_trajectories (V81) already
-- proves the pair exists, and ocean_trajectories.agent_id references kernels, so waypoint.agent_id → kernels follows.
-- Its own check cost every appended stop a lookup and a share lock on the kernel row (a multixact when two
-- transactions append for one kernel at once) for nothing the database did not know; it goes. Deleting a kernel
-- that still has waypoints is refused as before, by the trajectories' key.
ALTER TABLE ocean_waypoints DROP CONSTRAINT ocean_waypoints_agent_id_fkey;
