-- CreateTable
CREATE TABLE "usage_rollups" (
    "workspace_id" UUID NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "usage_type" TEXT NOT NULL,
    "record_count" INTEGER NOT NULL,
    "quantity" DECIMAL(18,6) NOT NULL,
    "total_cost" DECIMAL(18,6) NOT NULL,
    "final_cost" DECIMAL(18,6) NOT NULL,

    CONSTRAINT "usage_rollups_pkey" PRIMARY KEY ("workspace_id","bucket_start","provider","usage_type")
);

-- CreateIndex
CREATE INDEX "usage_rollups_bucket_start_provider_total_cost_final_cost_idx" ON "usage_rollups"("bucket_start", "provider", "total_cost", "final_cost");

-- Everything below is written by hand: Prisma's schema diff ignores functions and
-- triggers (`npm run db:migration` still reports nothing to write).
--
-- usage_rollups stays equal to
--   SELECT workspace_id, date_bin('15 minutes', created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
--          provider, usage_type, count(*), sum(quantity), sum(total_cost), sum(final_cost)
--   FROM usage_records GROUP BY 1, 2, 3, 4
-- through statement-level triggers: a statement's rows (transition tables) are summed per
-- key, new rows added and old rows subtracted, and the deltas upserted in key order, so
-- concurrent writers lock shared rollup rows in the same order and cannot deadlock. A key
-- whose count reaches 0 is deleted: an emptied bucket leaves no row behind.
--
-- The function bodies are E'' strings in which \073 stands for the semicolon: the driver
-- adapters' executeScript (PrismaPg, used by `npm run db:migrate`) splits a migration at
-- every semicolon, dollar quotes included, and plpgsql needs semicolons between its
-- statements. Quotes inside the bodies are doubled.

CREATE FUNCTION "usage_rollups_on_insert"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "usage_rollups" AS r ("workspace_id", "bucket_start", "provider", "usage_type", "record_count", "quantity", "total_cost", "final_cost")
  SELECT n."workspace_id", date_bin(''15 minutes'', n."created_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), n."provider", n."usage_type",
         count(*), sum(n."quantity"), sum(n."total_cost"), sum(n."final_cost")
  FROM "usage_rollups_new" n
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("workspace_id", "bucket_start", "provider", "usage_type") DO UPDATE
  SET "record_count" = r."record_count" + EXCLUDED."record_count",
      "quantity" = r."quantity" + EXCLUDED."quantity",
      "total_cost" = r."total_cost" + EXCLUDED."total_cost",
      "final_cost" = r."final_cost" + EXCLUDED."final_cost"\073
  RETURN NULL\073
END
';

CREATE FUNCTION "usage_rollups_on_delete"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "usage_rollups" AS r ("workspace_id", "bucket_start", "provider", "usage_type", "record_count", "quantity", "total_cost", "final_cost")
  SELECT o."workspace_id", date_bin(''15 minutes'', o."created_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), o."provider", o."usage_type",
         -count(*), -sum(o."quantity"), -sum(o."total_cost"), -sum(o."final_cost")
  FROM "usage_rollups_old" o
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("workspace_id", "bucket_start", "provider", "usage_type") DO UPDATE
  SET "record_count" = r."record_count" + EXCLUDED."record_count",
      "quantity" = r."quantity" + EXCLUDED."quantity",
      "total_cost" = r."total_cost" + EXCLUDED."total_cost",
      "final_cost" = r."final_cost" + EXCLUDED."final_cost"\073
  -- Only rows this statement has just locked can have reached 0.
  DELETE FROM "usage_rollups" r
  USING (SELECT DISTINCT o."workspace_id", date_bin(''15 minutes'', o."created_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "bucket_start", o."provider", o."usage_type"
         FROM "usage_rollups_old" o) k
  WHERE r."workspace_id" = k."workspace_id" AND r."bucket_start" = k."bucket_start" AND r."provider" = k."provider"
    AND r."usage_type" = k."usage_type" AND r."record_count" = 0\073
  RETURN NULL\073
END
';

CREATE FUNCTION "usage_rollups_on_update"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "usage_rollups" AS r ("workspace_id", "bucket_start", "provider", "usage_type", "record_count", "quantity", "total_cost", "final_cost")
  SELECT d."workspace_id", d."bucket_start", d."provider", d."usage_type", sum(d."n"), sum(d."quantity"), sum(d."total_cost"), sum(d."final_cost")
  FROM (
    SELECT n."workspace_id", date_bin(''15 minutes'', n."created_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "bucket_start", n."provider", n."usage_type",
           1 AS "n", n."quantity", n."total_cost", n."final_cost"
    FROM "usage_rollups_new" n
    UNION ALL
    SELECT o."workspace_id", date_bin(''15 minutes'', o."created_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), o."provider", o."usage_type",
           -1, -o."quantity", -o."total_cost", -o."final_cost"
    FROM "usage_rollups_old" o
  ) d
  GROUP BY 1, 2, 3, 4
  -- Updates that change no counted column (e.g. call_id set to NULL) touch no rollup row.
  HAVING sum(d."n") <> 0 OR sum(d."quantity") <> 0 OR sum(d."total_cost") <> 0 OR sum(d."final_cost") <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("workspace_id", "bucket_start", "provider", "usage_type") DO UPDATE
  SET "record_count" = r."record_count" + EXCLUDED."record_count",
      "quantity" = r."quantity" + EXCLUDED."quantity",
      "total_cost" = r."total_cost" + EXCLUDED."total_cost",
      "final_cost" = r."final_cost" + EXCLUDED."final_cost"\073
  DELETE FROM "usage_rollups" r
  USING (SELECT DISTINCT o."workspace_id", date_bin(''15 minutes'', o."created_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "bucket_start", o."provider", o."usage_type"
         FROM "usage_rollups_old" o) k
  WHERE r."workspace_id" = k."workspace_id" AND r."bucket_start" = k."bucket_start" AND r."provider" = k."provider"
    AND r."usage_type" = k."usage_type" AND r."record_count" = 0\073
  RETURN NULL\073
END
';

-- TRUNCATE fires no row or transition-table trigger: empty the rollup with it. DELETE,
-- not TRUNCATE: `TRUNCATE usage_records, usage_rollups` would otherwise fail with
-- "cannot TRUNCATE usage_rollups because it is being used by active queries".
CREATE FUNCTION "usage_rollups_on_truncate"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "usage_rollups"\073
  RETURN NULL\073
END
';

CREATE TRIGGER "usage_rollups_insert" AFTER INSERT ON "usage_records"
  REFERENCING NEW TABLE AS "usage_rollups_new"
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_rollups_on_insert"();

CREATE TRIGGER "usage_rollups_update" AFTER UPDATE ON "usage_records"
  REFERENCING OLD TABLE AS "usage_rollups_old" NEW TABLE AS "usage_rollups_new"
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_rollups_on_update"();

CREATE TRIGGER "usage_rollups_delete" AFTER DELETE ON "usage_records"
  REFERENCING OLD TABLE AS "usage_rollups_old"
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_rollups_on_delete"();

CREATE TRIGGER "usage_rollups_truncate" AFTER TRUNCATE ON "usage_records"
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_rollups_on_truncate"();

-- Usage recorded before this migration.
INSERT INTO "usage_rollups" ("workspace_id", "bucket_start", "provider", "usage_type", "record_count", "quantity", "total_cost", "final_cost")
SELECT u."workspace_id", date_bin('15 minutes', u."created_at", TIMESTAMPTZ '2000-01-01 00:00:00+00'), u."provider", u."usage_type",
       count(*), sum(u."quantity"), sum(u."total_cost"), sum(u."final_cost")
FROM "usage_records" u
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4;
