-- Dossier store, schema 4, for both providers: Migrator.Render gives each its dialect (type words, and
-- the blocks one provider alone runs).
-- Series get a name as their reports write it and the next occurrence the latest story's reports announce
-- (docs/stories.md, "Series"). Digests keep what that needs; the series keep the announced occurrence.

-- Each entity as its reports write it (JSON array, in the order of entities); the recurring event's names as
-- written (JSON array, most reports first); the next occurrence the story's reports announce (JSON object or NULL).
ALTER TABLE story_digests ADD COLUMN labels TEXT NOT NULL DEFAULT '[]';
ALTER TABLE story_digests ADD COLUMN names TEXT NOT NULL DEFAULT '[]';
ALTER TABLE story_digests ADD COLUMN announced TEXT;

-- The announced next occurrence of a series: its day or month or year as resolved, its place, its number, the story
-- whose reports announce it and those reports (JSON array); all NULL when none is announced.
ALTER TABLE series ADD COLUMN next_date TEXT;
ALTER TABLE series ADD COLUMN next_location TEXT;
ALTER TABLE series ADD COLUMN next_ordinal INTEGER;
ALTER TABLE series ADD COLUMN next_announced_in TEXT;
ALTER TABLE series ADD COLUMN next_evidence TEXT;

-- Digests from before have none of this: dropped, so that the next ingest takes them again from the stored articles
-- and links every series again (DossierStore.Series.cs, DigestUndigested).
DELETE FROM story_digests;
DELETE FROM series_linked;
