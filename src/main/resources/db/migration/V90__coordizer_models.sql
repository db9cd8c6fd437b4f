-- Fitted coordizer models (docs/coordizer.md): the model is data. A row holds everything needed to coordize (the
-- model's canonical bytes, gzip then base64, whose SHA-256 prefix is the id), a readable summary (top words of each
-- topic) and when it was fitted and last made current. The current model is the one most recently selected.
CREATE TABLE coordizer_models (
    model_id         text PRIMARY KEY CHECK (model_id ~ '^nmf64-[0-9a-f]{16}$'),
    topics           integer NOT NULL CHECK (topics = 64),
    vocabulary_size  integer NOT NULL CHECK (vocabulary_size >= 64),
    documents        integer NOT NULL CHECK (documents >= 1),
    seed             bigint NOT NULL,
    corpus_hash      text NOT NULL CHECK (corpus_hash ~ '^[0-9a-f]{64}$'),
    top_words        jsonb NOT NULL,
    model            text NOT NULL CHECK (length(model) > 0),
    fitted_at        timestamptz NOT NULL DEFAULT now(),
    selected_at      timestamptz NOT NULL DEFAULT now(),
    metadata         jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX coordizer_models_selected_idx ON coordizer_models (selected_at DESC, model_id);

-- Every chunk names the model that coordized it; chunks stored before this migration came from the word-hash
-- coordizer of the first version.
ALTER TABLE rag_chunks ADD COLUMN embedding_model text NOT NULL DEFAULT 'basin-hash-coordizer/1';
ALTER TABLE rag_chunks ALTER COLUMN embedding_model DROP DEFAULT;
CREATE INDEX rag_chunks_embedding_model_idx ON rag_chunks (embedding_model);
