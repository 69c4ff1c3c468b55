-- Dossier store, schema 1 (PostgreSQL). Same tables and meaning as Migrations/Sqlite/001_initial.sql.

CREATE TABLE articles (
    seq            BIGINT  PRIMARY KEY,
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
    annotations    TEXT    NOT NULL,
    -- Full-text vector kept by the server; the english configuration stems like SQLite's porter tokenizer.
    tsv            TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED
);
CREATE INDEX articles_story ON articles (story_id, seq);
CREATE INDEX articles_article_id ON articles (article_id);
CREATE INDEX articles_tsv ON articles USING GIN (tsv);

CREATE TABLE sources (
    source_key   TEXT PRIMARY KEY,
    content_key  TEXT,
    reason       TEXT
);

CREATE TABLE stories (
    id                   TEXT    PRIMARY KEY,
    title                TEXT    NOT NULL,
    date                 TEXT,
    location             TEXT,
    independent_sources  INTEGER NOT NULL,
    article_count        INTEGER NOT NULL,
    claim_count          INTEGER NOT NULL,
    first_seq            BIGINT  NOT NULL,
    last_seq             BIGINT  NOT NULL,
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
    goldstein            DOUBLE PRECISION,
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
