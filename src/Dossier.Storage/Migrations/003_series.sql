-- Dossier store, schema 3, for both providers: Migrator.Render gives each its dialect (type words, and
-- the blocks one provider alone runs).
-- Series of recurring events (rounds of one negotiation, a bank's meetings, yearly summits). Each story keeps the
-- small digest that series linking reads (Stories/StorySeries.cs), written with the fused story; after each ingest
-- the series are linked again from every stored digest, with the function `dossier analyze` uses.

-- One row per story: what StorySeries.Link needs besides the story's title, date and place (read from stories).
CREATE TABLE story_digests (
    story_id   TEXT    PRIMARY KEY,   -- stories.id
    terms      TEXT    NOT NULL,      -- hashed content terms with counts, "term:count" separated by spaces, ascending term
    entities   TEXT    NOT NULL,      -- JSON array of normalised names, most mentioned first
    ordinals   TEXT    NOT NULL,      -- JSON array of ordinals ("round:7")
    recurring  INTEGER NOT NULL       -- 1 when the story presents itself as one occurrence of something recurring
);

-- The linked series, replaced as a whole by each linking.
CREATE TABLE series (
    id    TEXT PRIMARY KEY,           -- "series-" and the first story's id
    name  TEXT NOT NULL
);

-- The stories of each series in order, with the title, day and place they had when linked.
CREATE TABLE series_stories (
    series_id  TEXT    NOT NULL,
    position   INTEGER NOT NULL,      -- 0 = earliest
    story_id   TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    date       TEXT,
    location   TEXT,
    ordinal    INTEGER,               -- the ordinal the story's reports give in the series' noun ("7"), when they give one
    PRIMARY KEY (series_id, position)
);
-- A story is in one series at most: the story page finds its series by this index.
CREATE UNIQUE INDEX series_stories_story ON series_stories (story_id);

-- The articles' MAX(seq) when series were last linked (one row). An ingest links again when it differs: new articles,
-- or a run killed between its last batch and its linking. No row: never linked (a database from before schema 3,
-- whose stories get their digests then).
CREATE TABLE series_linked (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  {int64} NOT NULL
);
