-- A kernel that restores a checkpoint (time travel) thinks about it: event 'restore'.
ALTER TABLE kernel_thoughts DROP CONSTRAINT kernel_thoughts_event_check;
ALTER TABLE kernel_thoughts ADD CONSTRAINT kernel_thoughts_event_check CHECK (event IN ('navigation_plan', 'arrival',
    'attractor_found', 'barrier_hit', 'insight_fired', 'sleep_start', 'sleep_end', 'spawn', 'restore'));
