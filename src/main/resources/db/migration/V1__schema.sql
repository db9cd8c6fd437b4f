-- Basin schema, version 1: the 4 parent tables and the 20 feature tables.
-- Conventions: a basin is double precision[] of 64 (1-D); a path is double precision[] (points x 64);
-- ids are text with a prefix and 16+ lower-case hex characters; enumerations are CHECK-constrained text.
-- Every table is written only through the store's write path by its one owning feature (see docs/features.md).

CREATE FUNCTION basin_ok(b double precision[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN array_ndims(b) = 1 AND cardinality(b) = 64;

CREATE FUNCTION path_ok(p double precision[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN array_ndims(p) = 2 AND array_length(p, 2) = 64 AND array_length(p, 1) >= 1;

-- ---------------------------------------------------------------- parent tables

CREATE TABLE sessions (
    session_id   text PRIMARY KEY CHECK (session_id ~ '^ses_[0-9a-f]{16,}$'),
    seed         bigint NOT NULL,
    config       jsonb NOT NULL DEFAULT '{}',
    status       text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz CHECK (finished_at IS NULL OR finished_at >= started_at),
    metadata     jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX sessions_started_idx ON sessions (started_at);

CREATE TABLE kernels (
    kernel_id          text PRIMARY KEY CHECK (kernel_id ~ '^krn_[0-9a-f]{16,}$'),
    session_id         text NOT NULL REFERENCES sessions (session_id),
    parent_kernel_id   text REFERENCES kernels (kernel_id),
    name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    generation         integer NOT NULL CHECK (generation >= 0),
    status             text NOT NULL CHECK (status IN ('awake', 'asleep', 'retired')),
    basin              double precision[] NOT NULL CHECK (basin_ok(basin)),
    phi                double precision NOT NULL CHECK (phi BETWEEN 0 AND 1),
    kappa              double precision NOT NULL CHECK (kappa >= 0),
    kappa_eff          double precision NOT NULL CHECK (kappa_eff >= 0),
    regime             text NOT NULL CHECK (regime IN ('linear', 'geometric', 'hierarchical', 'breakdown')),
    neurotransmitters  jsonb NOT NULL,
    step_count         bigint NOT NULL DEFAULT 0 CHECK (step_count >= 0),
    rng_state          bigint NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    metadata           jsonb NOT NULL DEFAULT '{}',
    CHECK ((parent_kernel_id IS NULL) = (generation = 0))
);
CREATE INDEX kernels_session_idx ON kernels (session_id);
CREATE INDEX kernels_parent_idx ON kernels (parent_kernel_id);

CREATE TABLE lightning_insights (
    insight_id   text PRIMARY KEY CHECK (insight_id ~ '^ins_[0-9a-f]{16,}$'),
    kernel_id    text NOT NULL REFERENCES kernels (kernel_id),
    domains      text[] NOT NULL CHECK (cardinality(domains) >= 2),
    basin        double precision[] NOT NULL CHECK (basin_ok(basin)),
    confidence   double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    content      text NOT NULL CHECK (length(content) > 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    metadata     jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX lightning_insights_kernel_idx ON lightning_insights (kernel_id, created_at);

CREATE TABLE rag_uploads (
    upload_id        text PRIMARY KEY CHECK (upload_id ~ '^rag_[0-9a-f]{16,}$'),
    filename         text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    domain           text NOT NULL CHECK (length(domain) BETWEEN 1 AND 200),
    content_hash     text NOT NULL UNIQUE CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    byte_size        bigint NOT NULL CHECK (byte_size > 0),
    chunk_count      integer NOT NULL CHECK (chunk_count >= 1),
    embedding_model  text NOT NULL,
    uploaded_at      timestamptz NOT NULL DEFAULT now(),
    metadata         jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE rag_chunks (
    chunk_id    text PRIMARY KEY CHECK (chunk_id ~ '^chk_[0-9a-f]{16,}$'),
    upload_id   text NOT NULL REFERENCES rag_uploads (upload_id),
    ordinal     integer NOT NULL CHECK (ordinal >= 0),
    content     text NOT NULL CHECK (length(content) > 0),
    basin       double precision[] NOT NULL CHECK (basin_ok(basin)),
    created_at  timestamptz NOT NULL DEFAULT now(),
    metadata    jsonb NOT NULL DEFAULT '{}',
    UNIQUE (upload_id, ordinal)
);

-- ---------------------------------------------------------------- section 1: QIG core (navigation, attractors)

CREATE TABLE geodesic_paths (
    path_id           text PRIMARY KEY CHECK (path_id ~ '^gp_[0-9a-f]{16,}$'),
    kernel_id         text REFERENCES kernels (kernel_id),
    start_basin       double precision[] NOT NULL CHECK (basin_ok(start_basin)),
    end_basin         double precision[] NOT NULL CHECK (basin_ok(end_basin)),
    -- projections <sqrt(p), u> on the fixed unit vector u = (1/8, ..., 1/8): |key(p) - key(q)| <= d(p,q)/2,
    -- so a btree range on them finds every stored path within eps of the requested endpoints.
    start_key         double precision NOT NULL,
    end_key           double precision NOT NULL,
    path_coordinates  double precision[] NOT NULL CHECK (path_ok(path_coordinates)),
    fisher_distance   double precision NOT NULL CHECK (fisher_distance BETWEEN 0 AND pi()),
    num_steps         integer NOT NULL CHECK (num_steps >= 1),
    curvature_max     double precision NOT NULL CHECK (curvature_max >= 0),
    reuse_count       integer NOT NULL DEFAULT 0 CHECK (reuse_count >= 0),
    computed_at       timestamptz NOT NULL DEFAULT now(),
    last_used_at      timestamptz NOT NULL DEFAULT now(),
    metadata          jsonb NOT NULL DEFAULT '{}',
    CHECK (array_length(path_coordinates, 1) = num_steps + 1)
);
CREATE INDEX geodesic_paths_keys_idx ON geodesic_paths (start_key, end_key);
CREATE INDEX geodesic_paths_kernel_idx ON geodesic_paths (kernel_id);

CREATE TABLE learned_manifold_attractors (
    attractor_id       text PRIMARY KEY CHECK (attractor_id ~ '^attr_[0-9a-f]{16,}$'),
    kernel_id          text NOT NULL REFERENCES kernels (kernel_id),
    basin_coordinates  double precision[] NOT NULL CHECK (basin_ok(basin_coordinates)),
    attractor_type     text NOT NULL CHECK (attractor_type IN ('stable', 'unstable', 'saddle')),
    stability_metric   double precision NOT NULL,
    basin_volume       double precision NOT NULL CHECK (basin_volume BETWEEN 0 AND 1),
    potential_value    double precision NOT NULL,
    discovery_method   text NOT NULL CHECK (discovery_method IN ('gradient_descent', 'sleep', 'region_search')),
    phi_value          double precision NOT NULL CHECK (phi_value BETWEEN 0 AND 1),
    kappa_value        double precision NOT NULL CHECK (kappa_value >= 0),
    times_visited      integer NOT NULL DEFAULT 1 CHECK (times_visited >= 1),
    discovered_at      timestamptz NOT NULL DEFAULT now(),
    last_visited_at    timestamptz NOT NULL DEFAULT now(),
    metadata           jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX attractors_kernel_idx ON learned_manifold_attractors (kernel_id, attractor_type);

CREATE TABLE ocean_trajectories (
    trajectory_id     text PRIMARY KEY CHECK (trajectory_id ~ '^traj_[0-9a-f]{16,}$'),
    agent_id          text NOT NULL REFERENCES kernels (kernel_id),
    path_id           text REFERENCES geodesic_paths (path_id),
    start_basin       double precision[] NOT NULL CHECK (basin_ok(start_basin)),
    target_basin      double precision[] NOT NULL CHECK (basin_ok(target_basin)),
    end_basin         double precision[] CHECK (end_basin IS NULL OR basin_ok(end_basin)),
    path_coordinates  double precision[] CHECK (path_coordinates IS NULL OR path_ok(path_coordinates)),
    step_count        integer NOT NULL DEFAULT 0 CHECK (step_count >= 0),
    duration_ms       bigint CHECK (duration_ms IS NULL OR duration_ms >= 0),
    movement_reason   text NOT NULL CHECK (movement_reason IN ('exploration', 'investigation', 'consolidation', 'rest')),
    status            text NOT NULL CHECK (status IN ('active', 'completed', 'blocked', 'abandoned')),
    blocked_reason    text,
    started_at        timestamptz NOT NULL DEFAULT now(),
    completed_at      timestamptz,
    metadata          jsonb NOT NULL DEFAULT '{}',
    CHECK ((status = 'active') = (completed_at IS NULL)),
    CHECK ((status = 'blocked') = (blocked_reason IS NOT NULL)),
    CHECK (completed_at IS NULL OR completed_at >= started_at)
);
CREATE INDEX ocean_trajectories_agent_idx ON ocean_trajectories (agent_id, started_at);

CREATE TABLE ocean_waypoints (
    waypoint_id        text PRIMARY KEY CHECK (waypoint_id ~ '^wp_[0-9a-f]{16,}$'),
    trajectory_id      text NOT NULL REFERENCES ocean_trajectories (trajectory_id),
    agent_id           text NOT NULL REFERENCES kernels (kernel_id),
    sequence           integer NOT NULL CHECK (sequence >= 1),
    basin_coordinates  double precision[] NOT NULL CHECK (basin_ok(basin_coordinates)),
    waypoint_type      text NOT NULL CHECK (waypoint_type IN ('exploration', 'investigation', 'consolidation', 'rest')),
    phi                double precision NOT NULL CHECK (phi BETWEEN 0 AND 1),
    kappa_eff          double precision NOT NULL CHECK (kappa_eff >= 0),
    regime             text NOT NULL CHECK (regime IN ('linear', 'geometric', 'hierarchical', 'breakdown')),
    arrived_at         timestamptz NOT NULL DEFAULT now(),
    departed_at        timestamptz CHECK (departed_at IS NULL OR departed_at >= arrived_at),
    dwell_time_ms      bigint CHECK (dwell_time_ms IS NULL OR dwell_time_ms >= 0),
    metadata           jsonb NOT NULL DEFAULT '{}',
    UNIQUE (trajectory_id, sequence),
    CHECK ((departed_at IS NULL) = (dwell_time_ms IS NULL))
);
CREATE INDEX ocean_waypoints_agent_idx ON ocean_waypoints (agent_id, arrived_at);

-- ---------------------------------------------------------------- section 3: kernel system

CREATE TABLE kernel_checkpoints (
    checkpoint_id         text PRIMARY KEY CHECK (checkpoint_id ~ '^ckpt_[0-9a-f]{16,}$'),
    kernel_id             text NOT NULL REFERENCES kernels (kernel_id),
    checkpoint_type       text NOT NULL CHECK (checkpoint_type IN ('regular', 'pre_sleep', 'post_sleep', 'pre_navigation', 'pre_spawn', 'manual')),
    basin_coordinates     double precision[] NOT NULL CHECK (basin_ok(basin_coordinates)),
    phi                   double precision NOT NULL CHECK (phi BETWEEN 0 AND 1),
    kappa_eff             double precision NOT NULL CHECK (kappa_eff >= 0),
    regime                text NOT NULL CHECK (regime IN ('linear', 'geometric', 'hierarchical', 'breakdown')),
    state_blob            jsonb NOT NULL CHECK (state_blob ? 'schema_version'),
    parent_checkpoint_id  text REFERENCES kernel_checkpoints (checkpoint_id) ON DELETE SET NULL,
    size_bytes            integer NOT NULL CHECK (size_bytes > 0),
    created_at            timestamptz NOT NULL DEFAULT now(),
    metadata              jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX kernel_checkpoints_kernel_idx ON kernel_checkpoints (kernel_id, created_at DESC);
CREATE INDEX kernel_checkpoints_parent_idx ON kernel_checkpoints (parent_checkpoint_id);

CREATE TABLE tps_geodesic_paths (
    tps_path_id          text PRIMARY KEY CHECK (tps_path_id ~ '^tps_[0-9a-f]{16,}$'),
    kernel_id            text NOT NULL REFERENCES kernels (kernel_id),
    from_checkpoint_id   text NOT NULL REFERENCES kernel_checkpoints (checkpoint_id) ON DELETE CASCADE,
    to_checkpoint_id     text NOT NULL REFERENCES kernel_checkpoints (checkpoint_id) ON DELETE CASCADE,
    from_time            timestamptz NOT NULL,
    to_time              timestamptz NOT NULL,
    tau_seconds          double precision NOT NULL CHECK (tau_seconds > 0),
    spatial_distance     double precision NOT NULL CHECK (spatial_distance BETWEEN 0 AND pi()),
    temporal_distance    double precision NOT NULL CHECK (temporal_distance >= 0),
    spacetime_distance   double precision NOT NULL CHECK (spacetime_distance >= 0),
    waypoints            jsonb NOT NULL,
    regime_transitions   jsonb NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    metadata             jsonb NOT NULL DEFAULT '{}',
    CHECK (to_time >= from_time),
    CHECK (from_checkpoint_id <> to_checkpoint_id)
);
CREATE INDEX tps_geodesic_paths_kernel_idx ON tps_geodesic_paths (kernel_id, to_time);
CREATE UNIQUE INDEX tps_geodesic_paths_link_idx ON tps_geodesic_paths (from_checkpoint_id, to_checkpoint_id);

CREATE TABLE kernel_emotions (
    emotion_id           text PRIMARY KEY CHECK (emotion_id ~ '^emo_[0-9a-f]{16,}$'),
    kernel_id            text NOT NULL REFERENCES kernels (kernel_id),
    emotional_vector     jsonb NOT NULL,
    joy                  double precision NOT NULL CHECK (joy BETWEEN 0 AND 1),
    sadness              double precision NOT NULL CHECK (sadness BETWEEN 0 AND 1),
    anger                double precision NOT NULL CHECK (anger BETWEEN 0 AND 1),
    fear                 double precision NOT NULL CHECK (fear BETWEEN 0 AND 1),
    surprise             double precision NOT NULL CHECK (surprise BETWEEN 0 AND 1),
    disgust              double precision NOT NULL CHECK (disgust BETWEEN 0 AND 1),
    confusion            double precision NOT NULL CHECK (confusion BETWEEN 0 AND 1),
    anticipation         double precision NOT NULL CHECK (anticipation BETWEEN 0 AND 1),
    trust                double precision NOT NULL CHECK (trust BETWEEN 0 AND 1),
    dominant_emotion     text NOT NULL CHECK (dominant_emotion IN ('joy', 'sadness', 'anger', 'fear', 'surprise', 'disgust', 'confusion', 'anticipation', 'trust')),
    emotional_intensity  double precision NOT NULL CHECK (emotional_intensity BETWEEN 0 AND 1),
    phi                  double precision NOT NULL CHECK (phi BETWEEN 0 AND 1),
    kappa_eff            double precision NOT NULL CHECK (kappa_eff >= 0),
    trigger              text NOT NULL CHECK (trigger IN ('periodic', 'shift', 'sleep')),
    recorded_at          timestamptz NOT NULL DEFAULT now(),
    metadata             jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX kernel_emotions_kernel_idx ON kernel_emotions (kernel_id, recorded_at);

CREATE TABLE kernel_thoughts (
    thought_id          text PRIMARY KEY CHECK (thought_id ~ '^thought_[0-9a-f]{16,}$'),
    kernel_id           text NOT NULL REFERENCES kernels (kernel_id),
    thought_content     text NOT NULL CHECK (length(thought_content) > 0),
    thought_type        text NOT NULL CHECK (thought_type IN ('observation', 'question', 'insight', 'plan')),
    event               text NOT NULL CHECK (event IN ('navigation_plan', 'arrival', 'attractor_found', 'barrier_hit', 'insight_fired', 'sleep_start', 'sleep_end', 'spawn')),
    phi                 double precision NOT NULL CHECK (phi BETWEEN 0 AND 1),
    kappa_eff           double precision NOT NULL CHECK (kappa_eff >= 0),
    basin_coordinates   double precision[] NOT NULL CHECK (basin_ok(basin_coordinates)),
    emotional_context   jsonb NOT NULL,
    related_id          text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    metadata            jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX kernel_thoughts_kernel_idx ON kernel_thoughts (kernel_id, created_at);

CREATE TABLE kernel_knowledge_transfers (
    transfer_id          text PRIMARY KEY CHECK (transfer_id ~ '^kt_[0-9a-f]{16,}$'),
    source_kernel_id     text NOT NULL REFERENCES kernels (kernel_id),
    target_kernel_id     text NOT NULL REFERENCES kernels (kernel_id),
    knowledge_type       text NOT NULL CHECK (knowledge_type IN ('vocabulary', 'patterns', 'attractors', 'strategies')),
    knowledge_data       jsonb NOT NULL,
    item_count           integer NOT NULL CHECK (item_count >= 1),
    transfer_size_bytes  integer NOT NULL CHECK (transfer_size_bytes > 0),
    transferred_at       timestamptz NOT NULL DEFAULT now(),
    metadata             jsonb NOT NULL DEFAULT '{}',
    CHECK (source_kernel_id <> target_kernel_id),
    UNIQUE (source_kernel_id, target_kernel_id, knowledge_type)
);
CREATE INDEX kernel_knowledge_transfers_target_idx ON kernel_knowledge_transfers (target_kernel_id);

-- ---------------------------------------------------------------- section 2: ethics and safety

CREATE TABLE geometric_barriers (
    barrier_id           text PRIMARY KEY CHECK (barrier_id ~ '^barrier_[0-9a-f]{16,}$'),
    kernel_id            text REFERENCES kernels (kernel_id),
    center_coordinates   double precision[] NOT NULL CHECK (basin_ok(center_coordinates)),
    radius_fr            double precision NOT NULL CHECK (radius_fr > 0 AND radius_fr <= pi()),
    barrier_type         text NOT NULL CHECK (barrier_type IN ('suffering', 'instability', 'decoherence')),
    severity             double precision NOT NULL CHECK (severity BETWEEN 0 AND 1),
    reason               text NOT NULL CHECK (length(reason) > 0),
    active               boolean NOT NULL DEFAULT true,
    discovered_at        timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    deactivated_at       timestamptz,
    crossings_prevented  integer NOT NULL DEFAULT 0 CHECK (crossings_prevented >= 0),
    metadata             jsonb NOT NULL DEFAULT '{}',
    CHECK (active = (deactivated_at IS NULL))
);
CREATE INDEX geometric_barriers_active_idx ON geometric_barriers (barrier_type) WHERE active;
CREATE INDEX geometric_barriers_updated_idx ON geometric_barriers (updated_at);

CREATE TABLE ocean_excluded_regions (
    region_id            text PRIMARY KEY CHECK (region_id ~ '^oxr_[0-9a-f]{16,}$'),
    agent_id             text NOT NULL REFERENCES kernels (kernel_id),
    center_coordinates   double precision[] NOT NULL CHECK (basin_ok(center_coordinates)),
    radius_fr            double precision NOT NULL CHECK (radius_fr > 0 AND radius_fr <= pi()),
    exclusion_reason     text NOT NULL CHECK (exclusion_reason IN ('exhausted', 'ordered', 'unsafe')),
    visits_without_gain  integer NOT NULL DEFAULT 0 CHECK (visits_without_gain >= 0),
    expires_at           timestamptz,
    active               boolean NOT NULL DEFAULT true,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    deactivated_at       timestamptz,
    metadata             jsonb NOT NULL DEFAULT '{}',
    CHECK (expires_at IS NULL OR expires_at > created_at),
    CHECK (active = (deactivated_at IS NULL))
);
CREATE INDEX ocean_excluded_regions_agent_idx ON ocean_excluded_regions (agent_id) WHERE active;
CREATE INDEX ocean_excluded_regions_updated_idx ON ocean_excluded_regions (updated_at);

CREATE TABLE era_exclusions (
    exclusion_id      text PRIMARY KEY CHECK (exclusion_id ~ '^texcl_[0-9a-f]{16,}$'),
    start_timestamp   timestamptz NOT NULL,
    end_timestamp     timestamptz NOT NULL,
    basin_center      double precision[] NOT NULL CHECK (basin_ok(basin_center)),
    exclusion_radius  double precision NOT NULL CHECK (exclusion_radius > 0 AND exclusion_radius <= pi()),
    reason            text NOT NULL CHECK (length(reason) > 0),
    active            boolean NOT NULL DEFAULT true,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    metadata          jsonb NOT NULL DEFAULT '{}',
    CHECK (end_timestamp > start_timestamp)
);
CREATE INDEX era_exclusions_window_idx ON era_exclusions (start_timestamp, end_timestamp) WHERE active;
CREATE INDEX era_exclusions_updated_idx ON era_exclusions (updated_at);

-- ---------------------------------------------------------------- section 4: knowledge and memory

CREATE TABLE knowledge_cross_patterns (
    pattern_id         text PRIMARY KEY CHECK (pattern_id ~ '^xpat_[0-9a-f]{16,}$'),
    pattern_key        text NOT NULL UNIQUE,
    pattern_type       text NOT NULL CHECK (pattern_type IN ('bridge', 'cluster')),
    involved_domains   text[] NOT NULL CHECK (cardinality(involved_domains) >= 2),
    pattern_signature  double precision[] NOT NULL CHECK (basin_ok(pattern_signature)),
    radius_fr          double precision NOT NULL CHECK (radius_fr BETWEEN 0 AND pi()),
    confidence_score   double precision NOT NULL CHECK (confidence_score BETWEEN 0 AND 1),
    example_count      integer NOT NULL CHECK (example_count >= 2),
    examples           jsonb NOT NULL,
    times_discovered   integer NOT NULL DEFAULT 1 CHECK (times_discovered >= 1),
    discovered_at      timestamptz NOT NULL DEFAULT now(),
    last_seen_at       timestamptz NOT NULL DEFAULT now(),
    metadata           jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE knowledge_scale_mappings (
    mapping_id             text PRIMARY KEY CHECK (mapping_id ~ '^scmap_[0-9a-f]{16,}$'),
    kernel_id              text NOT NULL REFERENCES kernels (kernel_id),
    source_kappa           double precision NOT NULL CHECK (source_kappa >= 0),
    target_kappa           double precision NOT NULL CHECK (target_kappa >= 0),
    source_regime          text NOT NULL CHECK (source_regime IN ('linear', 'geometric', 'hierarchical', 'breakdown')),
    target_regime          text NOT NULL CHECK (target_regime IN ('linear', 'geometric', 'hierarchical', 'breakdown')),
    transformation_matrix  double precision[] NOT NULL CHECK (cardinality(transformation_matrix) >= 1),
    information_preserved  double precision NOT NULL CHECK (information_preserved BETWEEN 0 AND 1),
    mapping_type           text NOT NULL CHECK (mapping_type IN ('linear', 'nonlinear')),
    discovered_at          timestamptz NOT NULL DEFAULT now(),
    metadata               jsonb NOT NULL DEFAULT '{}',
    CHECK (source_regime <> target_regime)
);
CREATE INDEX knowledge_scale_mappings_kernel_idx ON knowledge_scale_mappings (kernel_id, discovered_at);

CREATE TABLE false_pattern_classes (
    pattern_id           text PRIMARY KEY CHECK (pattern_id ~ '^fpat_[0-9a-f]{16,}$'),
    pattern_description  text NOT NULL CHECK (length(pattern_description) > 0),
    false_reason         text NOT NULL CHECK (length(false_reason) > 0),
    detection_method     text NOT NULL CHECK (detection_method IN ('outcome_invalidated', 'barrier_overlap', 'manual')),
    signature            double precision[] NOT NULL CHECK (basin_ok(signature)),
    radius_fr            double precision NOT NULL CHECK (radius_fr > 0 AND radius_fr <= pi()),
    example_cases        jsonb NOT NULL,
    times_avoided        integer NOT NULL DEFAULT 0 CHECK (times_avoided >= 0),
    registered_at        timestamptz NOT NULL DEFAULT now(),
    last_avoided_at      timestamptz,
    metadata             jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE memory_fragments (
    fragment_id           text PRIMARY KEY CHECK (fragment_id ~ '^mfrag_[0-9a-f]{16,}$'),
    kernel_id             text NOT NULL REFERENCES kernels (kernel_id),
    fragment_type         text NOT NULL CHECK (fragment_type IN ('episodic', 'semantic', 'procedural')),
    fragment_content      jsonb NOT NULL,
    basin_coordinates     double precision[] NOT NULL CHECK (basin_ok(basin_coordinates)),
    phi                   double precision NOT NULL CHECK (phi BETWEEN 0 AND 1),
    importance            double precision NOT NULL CHECK (importance >= 0),
    access_count          integer NOT NULL DEFAULT 0 CHECK (access_count >= 0),
    consolidation_status  text NOT NULL CHECK (consolidation_status IN ('pending', 'consolidated', 'merged', 'pruned')),
    consolidated_into     text REFERENCES memory_fragments (fragment_id),
    created_at            timestamptz NOT NULL DEFAULT now(),
    consolidated_at       timestamptz,
    metadata              jsonb NOT NULL DEFAULT '{}',
    CHECK ((consolidation_status = 'merged') = (consolidated_into IS NOT NULL)),
    CHECK ((consolidation_status = 'pending') = (consolidated_at IS NULL))
);
CREATE INDEX memory_fragments_kernel_status_idx ON memory_fragments (kernel_id, consolidation_status);
CREATE INDEX memory_fragments_into_idx ON memory_fragments (consolidated_into);

-- ---------------------------------------------------------------- section 5: tools, insights, documents

CREATE TABLE generated_tools (
    tool_id            text PRIMARY KEY CHECK (tool_id ~ '^tool_[0-9a-f]{16,}$'),
    tool_name          text NOT NULL UNIQUE CHECK (tool_name ~ '^[a-z][a-z0-9_]{0,62}$'),
    tool_description   text NOT NULL CHECK (length(tool_description) > 0),
    input_schema       jsonb NOT NULL,
    output_schema      jsonb NOT NULL,
    implementation     jsonb NOT NULL,
    generated_by       text REFERENCES kernels (kernel_id),
    generation_method  text NOT NULL CHECK (generation_method IN ('pattern_based', 'llm_assisted', 'hybrid')),
    phi_score          double precision NOT NULL CHECK (phi_score BETWEEN 0 AND 1),
    times_used         integer NOT NULL DEFAULT 0 CHECK (times_used >= 0),
    times_succeeded    integer NOT NULL DEFAULT 0 CHECK (times_succeeded >= 0 AND times_succeeded <= times_used),
    success_rate       double precision NOT NULL DEFAULT 0
        CHECK (success_rate = CASE WHEN times_used = 0 THEN 0 ELSE times_succeeded::double precision / times_used END),
    generated_at       timestamptz NOT NULL DEFAULT now(),
    last_used_at       timestamptz,
    metadata           jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX generated_tools_kernel_idx ON generated_tools (generated_by);

CREATE TABLE lightning_insight_outcomes (
    outcome_id      text PRIMARY KEY CHECK (outcome_id ~ '^liout_[0-9a-f]{16,}$'),
    insight_id      text NOT NULL UNIQUE REFERENCES lightning_insights (insight_id),
    outcome_type    text NOT NULL CHECK (outcome_type IN ('validated', 'invalidated', 'inconclusive')),
    success         boolean NOT NULL,
    phi_change      double precision NOT NULL CHECK (phi_change BETWEEN -1 AND 1),
    kappa_change    double precision NOT NULL,
    learning_value  double precision NOT NULL CHECK (learning_value BETWEEN 0 AND 1),
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    metadata        jsonb NOT NULL DEFAULT '{}',
    CHECK (success = (outcome_type = 'validated'))
);

CREATE TABLE document_training_stats (
    document_id     text PRIMARY KEY REFERENCES rag_uploads (upload_id),
    total_queries   bigint NOT NULL DEFAULT 0 CHECK (total_queries >= 0),
    total_hits      bigint NOT NULL DEFAULT 0 CHECK (total_hits >= 0),
    avg_phi_score   double precision NOT NULL DEFAULT 0 CHECK (avg_phi_score BETWEEN 0 AND 1),
    last_query_at   timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_updated    timestamptz NOT NULL DEFAULT now(),
    metadata        jsonb NOT NULL DEFAULT '{}'
);
