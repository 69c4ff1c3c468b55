-- Dossier store, schema 2 (PostgreSQL). Same tables and meaning as Migrations/Sqlite/002_events_and_listing.sql.

ALTER TABLE stories ADD COLUMN corroborated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN single_source INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN conflicting INTEGER NOT NULL DEFAULT 0;
UPDATE stories SET
    corroborated  = (SELECT COUNT(*) FROM claims c WHERE c.story_id = stories.id AND c.status = 'corroborated'),
    single_source = (SELECT COUNT(*) FROM claims c WHERE c.story_id = stories.id AND c.status = 'single-source'),
    conflicting   = (SELECT COUNT(*) FROM claims c WHERE c.story_id = stories.id AND c.status = 'conflicting');

CREATE INDEX stories_listing ON stories (date DESC NULLS LAST, id);
CREATE INDEX stories_listing_corroborated ON stories (date DESC NULLS LAST, id) WHERE corroborated > 0;
CREATE INDEX stories_listing_single_source ON stories (date DESC NULLS LAST, id) WHERE single_source > 0;
CREATE INDEX stories_listing_conflicting ON stories (date DESC NULLS LAST, id) WHERE conflicting > 0;

CREATE TABLE events (
    seq        BIGINT           NOT NULL,
    position   INTEGER          NOT NULL,
    source     TEXT             NOT NULL,
    target     TEXT             NOT NULL,
    code       TEXT             NOT NULL,
    goldstein  DOUBLE PRECISION NOT NULL,
    modality   TEXT             NOT NULL,
    negated    INTEGER          NOT NULL,
    day        TEXT,
    sentence   TEXT             NOT NULL,
    PRIMARY KEY (seq, position)
);
-- Codes are compared byte-wise (prefix ranges), whatever the database's collation.
CREATE INDEX events_pair ON events ((source COLLATE "C"), (target COLLATE "C"), day, goldstein);
CREATE INDEX story_actors_actor_bytes ON story_actors ((actor COLLATE "C"));

INSERT INTO events (seq, position, source, target, code, goldstein, modality, negated, day, sentence)
SELECT a.seq, (e.ordinality - 1)::INTEGER,
       e.value #>> '{source,code}', e.value #>> '{target,code}', e.value ->> 'code',
       COALESCE((e.value ->> 'goldstein')::DOUBLE PRECISION, 0), COALESCE(e.value ->> 'modality', 'act'),
       CASE WHEN (e.value ->> 'negated')::BOOLEAN THEN 1 ELSE 0 END,
       COALESCE(a.annotations::jsonb ->> 'eventDate', substr(a.published, 1, 10)),
       COALESCE(substr(a.text,
           ((a.annotations::jsonb -> 'sentences' -> ((e.value ->> 'sentenceIndex')::INTEGER) #>> '{span,start}')::INTEGER) + 1,
           (a.annotations::jsonb -> 'sentences' -> ((e.value ->> 'sentenceIndex')::INTEGER) #>> '{span,length}')::INTEGER), '')
FROM articles a, jsonb_array_elements(COALESCE(a.annotations::jsonb -> 'events', '[]'::jsonb)) WITH ORDINALITY AS e(value, ordinality);
