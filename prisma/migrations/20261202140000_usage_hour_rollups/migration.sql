-- CreateTable
CREATE TABLE "usage_hour_rollups" (
    "workspace_id" UUID NOT NULL,
    "hour_start" TIMESTAMPTZ(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "usage_type" TEXT NOT NULL,
    "record_count" INTEGER NOT NULL,
    "quantity" DECIMAL(18,6) NOT NULL,
    "total_cost" DECIMAL(18,6) NOT NULL,
    "final_cost" DECIMAL(18,6) NOT NULL,

    CONSTRAINT "usage_hour_rollups_pkey" PRIMARY KEY ("workspace_id","hour_start","provider","usage_type")
);

-- Everything below is written by hand (Prisma's schema diff ignores functions and
-- triggers), the same triggers as usage_rollups' (migration usage_rollups, which says why
-- they are written this way) with UTC hours for 15-minute buckets. usage_hour_rollups
-- stays equal to
--   SELECT workspace_id, date_bin('1 hour', created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
--          provider, usage_type, count(*), sum(quantity), sum(total_cost), sum(final_cost)
--   FROM usage_records GROUP BY 1, 2, 3, 4
-- A year of a large workspace is ~35,000 quarter-hour buckets per provider and usage type,
-- and grouping them by local day cost most of a year's overview (issue 13): hours are four
-- times fewer, and every local day of a zone whose midnights fall on whole UTC hours is a
-- whole number of them (lib/analytics/usage-source.ts falls back to the buckets otherwise).

CREATE FUNCTION "usage_hour_rollups_on_insert"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "usage_hour_rollups" AS r ("workspace_id", "hour_start", "provider", "usage_type", "record_count", "quantity", "total_cost", "final_cost")
  SELECT n."workspace_id", date_bin(''1 hour'', n."created_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), n."provider", n."usage_type",
         count(*), sum(n."quantity"), sum(n."total_cost"), sum(n."final_cost")
  FROM "usage_hour_rollups_new" n
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("workspace_id", "hour_start", "provider", "usage_type") DO UPDATE
  SET "record_count" = r."record_count" + EXCLUDED."record_count",
      "quantity" = r."quantity" + EXCLUDED."quantity",
      "total_cost" = r."total_cost" + EXCLUDED."total_cost",
      "final_cost" = r."final_cost" + EXCLUDED."final_cost"\073
  RETURN NULL\073
END
';

CREATE FUNCTION "usage_hour_rollups_on_delete"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "usage_hour_rollups" AS r ("workspace_id", "hour_start", "provider", "usage_type", "record_count", "quantity", "total_cost", "final_cost")
  SELECT o."workspace_id", date_bin(''1 hour'', o."created_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), o."provider", o."usage_type",
         -count(*), -sum(o."quantity"), -sum(o."total_cost"), -sum(o."final_cost")
  FROM "usage_hour_rollups_old" o
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("workspace_id", "hour_start", "provider", "usage_type") DO UPDATE
  SET "record_count" = r."record_count" + EXCLUDED."record_count",
      "quantity" = r."quantity" + EXCLUDED."quantity",
      "total_cost" = r."total_cost" + EXCLUDED."total_cost",
      "final_cost" = r."final_cost" + EXCLUDED."final_cost"\073
  -- Only rows this statement has just locked can have reached 0.
  DELETE FROM "usage_hour_rollups" r
  USING (SELECT DISTINCT o."workspace_id", date_bin(''1 hour'', o."created_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "hour_start", o."provider", o."usage_type"
         FROM "usage_hour_rollups_old" o) k
  WHERE r."workspace_id" = k."workspace_id" AND r."hour_start" = k."hour_start" AND r."provider" = k."provider"
    AND r."usage_type" = k."usage_type" AND r."record_count" = 0\073
  RETURN NULL\073
END
';

CREATE FUNCTION "usage_hour_rollups_on_update"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "usage_hour_rollups" AS r ("workspace_id", "hour_start", "provider", "usage_type", "record_count", "quantity", "total_cost", "final_cost")
  SELECT d."workspace_id", d."hour_start", d."provider", d."usage_type", sum(d."n"), sum(d."quantity"), sum(d."total_cost"), sum(d."final_cost")
  FROM (
    SELECT n."workspace_id", date_bin(''1 hour'', n."created_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "hour_start", n."provider", n."usage_type",
           1 AS "n", n."quantity", n."total_cost", n."final_cost"
    FROM "usage_hour_rollups_new" n
    UNION ALL
    SELECT o."workspace_id", date_bin(''1 hour'', o."created_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), o."provider", o."usage_type",
           -1, -o."quantity", -o."total_cost", -o."final_cost"
    FROM "usage_hour_rollups_old" o
  ) d
  GROUP BY 1, 2, 3, 4
  -- Updates that change no counted column (e.g. call_id set to NULL) touch no rollup row.
  HAVING sum(d."n") <> 0 OR sum(d."quantity") <> 0 OR sum(d."total_cost") <> 0 OR sum(d."final_cost") <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("workspace_id", "hour_start", "provider", "usage_type") DO UPDATE
  SET "record_count" = r."record_count" + EXCLUDED."record_count",
      "quantity" = r."quantity" + EXCLUDED."quantity",
      "total_cost" = r."total_cost" + EXCLUDED."total_cost",
      "final_cost" = r."final_cost" + EXCLUDED."final_cost"\073
  DELETE FROM "usage_hour_rollups" r
  USING (SELECT DISTINCT o."workspace_id", date_bin(''1 hour'', o."created_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "hour_start", o."provider", o."usage_type"
         FROM "usage_hour_rollups_old" o) k
  WHERE r."workspace_id" = k."workspace_id" AND r."hour_start" = k."hour_start" AND r."provider" = k."provider"
    AND r."usage_type" = k."usage_type" AND r."record_count" = 0\073
  RETURN NULL\073
END
';

-- TRUNCATE fires no row or transition-table trigger: empty the rollup with it. DELETE,
-- not TRUNCATE: `TRUNCATE usage_records, usage_hour_rollups` would otherwise fail with
-- "cannot TRUNCATE usage_hour_rollups because it is being used by active queries".
CREATE FUNCTION "usage_hour_rollups_on_truncate"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "usage_hour_rollups"\073
  RETURN NULL\073
END
';

CREATE TRIGGER "usage_hour_rollups_insert" AFTER INSERT ON "usage_records"
  REFERENCING NEW TABLE AS "usage_hour_rollups_new"
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_hour_rollups_on_insert"();

CREATE TRIGGER "usage_hour_rollups_update" AFTER UPDATE ON "usage_records"
  REFERENCING OLD TABLE AS "usage_hour_rollups_old" NEW TABLE AS "usage_hour_rollups_new"
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_hour_rollups_on_update"();

CREATE TRIGGER "usage_hour_rollups_delete" AFTER DELETE ON "usage_records"
  REFERENCING OLD TABLE AS "usage_hour_rollups_old"
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_hour_rollups_on_delete"();

CREATE TRIGGER "usage_hour_rollups_truncate" AFTER TRUNCATE ON "usage_records"
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_hour_rollups_on_truncate"();

-- Usage recorded before this migration.
INSERT INTO "usage_hour_rollups" ("workspace_id", "hour_start", "provider", "usage_type", "record_count", "quantity", "total_cost", "final_cost")
SELECT u."workspace_id", date_bin('1 hour', u."created_at", TIMESTAMPTZ '2000-01-01 00:00:00+00'), u."provider", u."usage_type",
       count(*), sum(u."quantity"), sum(u."total_cost"), sum(u."final_cost")
FROM "usage_records" u
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4;
