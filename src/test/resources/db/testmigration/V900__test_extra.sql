-- test-only migration: proves a refused start applies nothing
CREATE TABLE t_extra (id text PRIMARY KEY);
