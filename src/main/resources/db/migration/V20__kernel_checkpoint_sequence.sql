-- Checkpoints of one kernel form a chain (time travel): a per-kernel sequence number orders them exactly even when
-- two share a timestamp, and the unique index makes two concurrent saves unable to fork the chain.
ALTER TABLE kernel_checkpoints ADD COLUMN sequence bigint;
UPDATE kernel_checkpoints c SET sequence = n.rn
FROM (SELECT checkpoint_id, row_number() OVER (PARTITION BY kernel_id ORDER BY created_at, checkpoint_id) AS rn
      FROM kernel_checkpoints) n
WHERE n.checkpoint_id = c.checkpoint_id;
ALTER TABLE kernel_checkpoints ALTER COLUMN sequence SET NOT NULL;
ALTER TABLE kernel_checkpoints ADD CONSTRAINT kernel_checkpoints_sequence_check CHECK (sequence >= 1);
CREATE UNIQUE INDEX kernel_checkpoints_sequence_idx ON kernel_checkpoints (kernel_id, sequence DESC);
