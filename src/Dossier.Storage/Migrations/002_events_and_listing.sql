-- Dossier store, schema 2, for both providers: Migrator.Render gives each its dialect (type words, and
-- the blocks one provider alone runs).
-- Makes the web app's hot reads queries: the story list walks one index in its display order, its status filter
-- reads the story row, and the actor-pair timeline reads one index instead of every article of every story.

-- Claims per status on the story row: "stories with a conflicting claim" is a column test, not a join.
ALTER TABLE stories ADD COLUMN corroborated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN single_source INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN conflicting INTEGER NOT NULL DEFAULT 0;
UPDATE stories SET
    corroborated  = (SELECT COUNT(*) FROM claims c WHERE c.story_id = stories.id AND c.status = 'corroborated'),
    single_source = (SELECT COUNT(*) FROM claims c WHERE c.story_id = stories.id AND c.status = 'single-source'),
    conflicting   = (SELECT COUNT(*) FROM claims c WHERE c.story_id = stories.id AND c.status = 'conflicting');

-- The listing order (dated stories newest first, undated last, then id; SQLite puts nulls last in a descending
-- order): LIMIT/OFFSET walk this index, and a date range seeks in it. One partial index per claim status, so a
-- status filter walks only the stories it keeps and never reads the status columns (they sit behind the story
-- JSON in the row, on overflow pages).
CREATE INDEX stories_listing ON stories (date {desc}, id);
CREATE INDEX stories_listing_corroborated ON stories (date {desc}, id) WHERE corroborated > 0;
CREATE INDEX stories_listing_single_source ON stories (date {desc}, id) WHERE single_source > 0;
CREATE INDEX stories_listing_conflicting ON stories (date {desc}, id) WHERE conflicting > 0;

-- One row per coded event of a stored article. Articles are never deleted and keep their seq when they move
-- to another story, so these rows never change; the story comes from the article.
CREATE TABLE events (
    seq        {int64} NOT NULL,   -- articles.seq
    position   INTEGER NOT NULL,   -- index in the article's events
    source     TEXT    NOT NULL,   -- actor codes
    target     TEXT    NOT NULL,
    code       TEXT    NOT NULL,   -- CAMEO
    goldstein  {real}  NOT NULL,
    modality   TEXT    NOT NULL,   -- act, pledge, appeal, statement
    negated    INTEGER NOT NULL,
    day        TEXT,               -- the article's event day, else its publication day (ISO), else null
    sentence   TEXT    NOT NULL,   -- the sentence the event was coded in
    PRIMARY KEY (seq, position)
);
-- postgres only:
-- Codes are compared byte-wise (prefix ranges), whatever the database's collation.
CREATE INDEX events_pair ON events ((source COLLATE "C"), (target COLLATE "C"), day, goldstein);
CREATE INDEX story_actors_actor_bytes ON story_actors ((actor COLLATE "C"));
-- sqlite only:
-- Covers the timeline: either direction of a pair is a range on source, then target; day and weight are read from the index.
CREATE INDEX events_pair ON events (source, target, day, goldstein);
-- both:

-- Events of the articles stored before this version, from their annotations. Offsets are UTF-16 units in .NET and
-- characters here: they agree except after a character outside the Basic Multilingual Plane.
INSERT INTO events (seq, position, source, target, code, goldstein, modality, negated, day, sentence)
-- postgres only:
SELECT a.seq, (e.ordinality - 1)::INTEGER,
       e.value #>> '{source,code}', e.value #>> '{target,code}', e.value ->> 'code',
       COALESCE((e.value ->> 'goldstein')::DOUBLE PRECISION, 0), COALESCE(e.value ->> 'modality', 'act'),
       CASE WHEN (e.value ->> 'negated')::BOOLEAN THEN 1 ELSE 0 END,
       COALESCE(a.annotations::jsonb ->> 'eventDate', substr(a.published, 1, 10)),
       COALESCE(substr(a.text,
           ((a.annotations::jsonb -> 'sentences' -> ((e.value ->> 'sentenceIndex')::INTEGER) #>> '{span,start}')::INTEGER) + 1,
           (a.annotations::jsonb -> 'sentences' -> ((e.value ->> 'sentenceIndex')::INTEGER) #>> '{span,length}')::INTEGER), '')
FROM articles a, jsonb_array_elements(COALESCE(a.annotations::jsonb -> 'events', '[]'::jsonb)) WITH ORDINALITY AS e(value, ordinality);
-- sqlite only:
SELECT a.seq, CAST(e.key AS INTEGER),
       json_extract(e.value, '$.source.code'), json_extract(e.value, '$.target.code'), json_extract(e.value, '$.code'),
       COALESCE(json_extract(e.value, '$.goldstein'), 0), COALESCE(json_extract(e.value, '$.modality'), 'act'),
       CASE WHEN json_extract(e.value, '$.negated') THEN 1 ELSE 0 END,
       COALESCE(json_extract(a.annotations, '$.eventDate'), substr(a.published, 1, 10)),
       COALESCE(substr(a.text,
           json_extract(a.annotations, '$.sentences[' || json_extract(e.value, '$.sentenceIndex') || '].span.start') + 1,
           json_extract(a.annotations, '$.sentences[' || json_extract(e.value, '$.sentenceIndex') || '].span.length')), '')
FROM articles a, json_each(a.annotations, '$.events') e;
