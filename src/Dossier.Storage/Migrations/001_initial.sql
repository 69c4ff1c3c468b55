-- Dossier store, schema 1, for both providers: Migrator.Render gives each its dialect (type words, and
-- the blocks one provider alone runs).

-- One row per stored article. seq is the arrival order; content_key the hash of the normalised text.
CREATE TABLE articles (
    seq            {int64} PRIMARY KEY,
    content_key    TEXT    NOT NULL UNIQUE,
    canonical_url  TEXT    UNIQUE,
    article_id     TEXT    NOT NULL,
    path           TEXT    NOT NULL,
    record         TEXT,
    title          TEXT,
    outlet         TEXT,
    credit         TEXT,
    dateline       TEXT,
    published      TEXT,
    language       TEXT,
    story_id       TEXT    NOT NULL,
    text           TEXT    NOT NULL,
    annotations    TEXT    NOT NULL
-- postgres only:
    -- Full-text vector kept by the server; the english configuration stems like SQLite's porter tokenizer.
    , tsv          TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED
-- both:
);
CREATE INDEX articles_story ON articles (story_id, seq);
CREATE INDEX articles_article_id ON articles (article_id);
-- postgres only:
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
-- both:

-- Every input document ever processed, by the hash of its raw content: lets a re-run skip it before any
-- extraction. content_key is null when the document failed; reason says why.
CREATE TABLE sources (
    source_key   TEXT PRIMARY KEY,
    content_key  TEXT,
    reason       TEXT
);

-- One row per story, with the fused record as JSON and a few columns for filtering.
CREATE TABLE stories (
    id                   TEXT    PRIMARY KEY,
    title                TEXT    NOT NULL,
    date                 TEXT,
    location             TEXT,
    independent_sources  INTEGER NOT NULL,
    article_count        INTEGER NOT NULL,
    claim_count          INTEGER NOT NULL,
    first_seq            {int64} NOT NULL,
    last_seq             {int64} NOT NULL,
    story                TEXT    NOT NULL
);
CREATE INDEX stories_last_seq ON stories (last_seq);
CREATE INDEX stories_date ON stories (date);

CREATE TABLE claims (
    story_id             TEXT    NOT NULL,
    claim_id             TEXT    NOT NULL,
    position             INTEGER NOT NULL,
    text                 TEXT    NOT NULL,
    topic                TEXT,
    status               TEXT    NOT NULL,
    independent_sources  INTEGER NOT NULL,
    event_source         TEXT,
    event_code           TEXT,
    event_target         TEXT,
    goldstein            {real},
    event_mode           TEXT,
    PRIMARY KEY (story_id, claim_id)
);

CREATE TABLE evidence (
    story_id        TEXT    NOT NULL,
    claim_id        TEXT    NOT NULL,
    position        INTEGER NOT NULL,
    article_id      TEXT    NOT NULL,
    sentence_index  INTEGER NOT NULL,
    start           INTEGER NOT NULL,
    length          INTEGER NOT NULL,
    PRIMARY KEY (story_id, claim_id, position)
);

CREATE TABLE story_actors (
    story_id  TEXT NOT NULL,
    actor     TEXT NOT NULL,
    PRIMARY KEY (story_id, actor)
);
CREATE INDEX story_actors_actor ON story_actors (actor);

-- sqlite only:
-- Full-text index over title and body; external content, so the text is stored once.
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content = 'articles', content_rowid = 'seq', tokenize = 'porter unicode61');
