-- CreateTable
CREATE TABLE "call_rollups" (
    "workspace_id" UUID NOT NULL,
    "day" TIMESTAMPTZ(3) NOT NULL,
    "agent_key" UUID NOT NULL,
    "calls" INTEGER NOT NULL,
    "queued" INTEGER NOT NULL,
    "ringing" INTEGER NOT NULL,
    "in_progress" INTEGER NOT NULL,
    "completed" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "no_answer" INTEGER NOT NULL,
    "busy" INTEGER NOT NULL,
    "canceled" INTEGER NOT NULL,
    "inbound" INTEGER NOT NULL,
    "outbound" INTEGER NOT NULL,
    "duration_sum" BIGINT NOT NULL,
    "duration_count" INTEGER NOT NULL,
    "duration_max" INTEGER,
    "duration_min" INTEGER,
    "response_sum" BIGINT NOT NULL,
    "response_count" INTEGER NOT NULL,
    "positive" INTEGER NOT NULL,
    "neutral" INTEGER NOT NULL,
    "negative" INTEGER NOT NULL,
    "cost" DECIMAL(18,6) NOT NULL,

    CONSTRAINT "call_rollups_pkey" PRIMARY KEY ("workspace_id","day","agent_key")
);

-- CreateTable
CREATE TABLE "call_bucket_rollups" (
    "workspace_id" UUID NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "calls" INTEGER NOT NULL,

    CONSTRAINT "call_bucket_rollups_pkey" PRIMARY KEY ("workspace_id","bucket_start")
);

-- CreateTable
CREATE TABLE "call_agent_bucket_rollups" (
    "workspace_id" UUID NOT NULL,
    "agent_key" UUID NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "calls" INTEGER NOT NULL,

    CONSTRAINT "call_agent_bucket_rollups_pkey" PRIMARY KEY ("workspace_id","agent_key","bucket_start")
);

-- CreateTable
CREATE TABLE "call_intent_rollups" (
    "workspace_id" UUID NOT NULL,
    "day" TIMESTAMPTZ(3) NOT NULL,
    "agent_key" UUID NOT NULL,
    "intent" TEXT NOT NULL,
    "calls" INTEGER NOT NULL,

    CONSTRAINT "call_intent_rollups_pkey" PRIMARY KEY ("workspace_id","day","agent_key","intent")
);

-- CreateTable
CREATE TABLE "platform_call_rollups" (
    "day" TIMESTAMPTZ(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "status" "call_status" NOT NULL,
    "calls" INTEGER NOT NULL,

    CONSTRAINT "platform_call_rollups_pkey" PRIMARY KEY ("day","provider","status")
);

-- CreateTable
CREATE TABLE "platform_usage_rollups" (
    "day" TIMESTAMPTZ(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "record_count" INTEGER NOT NULL,
    "total_cost" DECIMAL(18,6) NOT NULL,
    "final_cost" DECIMAL(18,6) NOT NULL,

    CONSTRAINT "platform_usage_rollups_pkey" PRIMARY KEY ("day","provider")
);

-- Everything below is written by hand (Prisma's diff ignores functions and triggers).
--
-- The call rollups stay equal to the aggregation of calls (lib/db/rollups.ts has that
-- aggregation, which the seed, `npm run db:rollups -- --verify` and `--rebuild` use)
-- through statement-level triggers, as usage_rollups does: a statement's rows (transition
-- tables, and for an UPDATE only the rows whose counted columns changed) are tagged +1 (new)
-- or -1 (old) and summed per key, and the deltas are upserted in key order, table after
-- table in one fixed order, so concurrent writers lock shared rows in the same order and
-- cannot deadlock. A key whose count reaches 0 is deleted. Longest and shortest duration
-- cannot be subtracted: when a call that may have held one leaves its key, the key takes
-- both again from the calls of that day. Function bodies are E'' strings with \073 for
-- the semicolon (see migration usage_rollups).

CREATE FUNCTION "call_rollups_on_insert"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
WITH "d" AS (SELECT 1 AS "n", "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new")
  INSERT INTO "call_rollups" AS r ("workspace_id", "day", "agent_key", "calls", "queued", "ringing", "in_progress", "completed", "failed", "no_answer", "busy", "canceled", "inbound", "outbound", "duration_sum", "duration_count", "duration_max", "duration_min", "response_sum", "response_count", "positive", "neutral", "negative", "cost")
  SELECT d."workspace_id", date_bin(''1 day'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), coalesce(d."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid),
         sum(d."n"), sum(CASE WHEN d."status" = ''queued'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''ringing'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''in_progress'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''completed'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''failed'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''no_answer'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''busy'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''canceled'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."direction" = ''inbound'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."direction" = ''outbound'' THEN d."n" ELSE 0 END), coalesce(sum(d."n" * d."duration_seconds"), 0), sum(CASE WHEN d."duration_seconds" IS NOT NULL THEN d."n" ELSE 0 END), max(d."duration_seconds") FILTER (WHERE d."n" > 0), min(d."duration_seconds") FILTER (WHERE d."n" > 0), coalesce(sum(d."n" * d."avg_response_ms"), 0), sum(CASE WHEN d."avg_response_ms" IS NOT NULL THEN d."n" ELSE 0 END), sum(CASE WHEN d."sentiment" = ''positive'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."sentiment" = ''neutral'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."sentiment" = ''negative'' THEN d."n" ELSE 0 END), coalesce(sum(d."n" * d."cost_total"), 0)
  FROM "d"
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ("workspace_id", "day", "agent_key") DO UPDATE
  SET "calls" = r."calls" + EXCLUDED."calls", "queued" = r."queued" + EXCLUDED."queued", "ringing" = r."ringing" + EXCLUDED."ringing", "in_progress" = r."in_progress" + EXCLUDED."in_progress", "completed" = r."completed" + EXCLUDED."completed", "failed" = r."failed" + EXCLUDED."failed", "no_answer" = r."no_answer" + EXCLUDED."no_answer", "busy" = r."busy" + EXCLUDED."busy", "canceled" = r."canceled" + EXCLUDED."canceled", "inbound" = r."inbound" + EXCLUDED."inbound", "outbound" = r."outbound" + EXCLUDED."outbound", "duration_sum" = r."duration_sum" + EXCLUDED."duration_sum", "duration_count" = r."duration_count" + EXCLUDED."duration_count", "duration_max" = greatest(r."duration_max", EXCLUDED."duration_max"), "duration_min" = least(r."duration_min", EXCLUDED."duration_min"), "response_sum" = r."response_sum" + EXCLUDED."response_sum", "response_count" = r."response_count" + EXCLUDED."response_count", "positive" = r."positive" + EXCLUDED."positive", "neutral" = r."neutral" + EXCLUDED."neutral", "negative" = r."negative" + EXCLUDED."negative", "cost" = r."cost" + EXCLUDED."cost"\073
WITH "d" AS (SELECT 1 AS "n", "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new")
  INSERT INTO "call_bucket_rollups" AS r ("workspace_id", "bucket_start", "calls")
  SELECT d."workspace_id", date_bin(''15 minutes'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), sum(d."n")
  FROM "d"
  WHERE TRUE
  GROUP BY 1, 2
  HAVING sum(d."n") <> 0
  ORDER BY 1, 2
  ON CONFLICT ("workspace_id", "bucket_start") DO UPDATE
  SET "calls" = r."calls" + EXCLUDED."calls"\073
WITH "d" AS (SELECT 1 AS "n", "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new")
  INSERT INTO "call_agent_bucket_rollups" AS r ("workspace_id", "agent_key", "bucket_start", "calls")
  SELECT d."workspace_id", coalesce(d."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid), date_bin(''15 minutes'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), sum(d."n")
  FROM "d"
  WHERE TRUE
  GROUP BY 1, 2, 3
  HAVING sum(d."n") <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ("workspace_id", "agent_key", "bucket_start") DO UPDATE
  SET "calls" = r."calls" + EXCLUDED."calls"\073
WITH "d" AS (SELECT 1 AS "n", "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new")
  INSERT INTO "call_intent_rollups" AS r ("workspace_id", "day", "agent_key", "intent", "calls")
  SELECT d."workspace_id", date_bin(''1 day'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), coalesce(d."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid), d."intent", sum(d."n")
  FROM "d"
  WHERE d."intent" IS NOT NULL
  GROUP BY 1, 2, 3, 4
  HAVING sum(d."n") <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("workspace_id", "day", "agent_key", "intent") DO UPDATE
  SET "calls" = r."calls" + EXCLUDED."calls"\073
WITH "d" AS (SELECT 1 AS "n", "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new")
  INSERT INTO "platform_call_rollups" AS r ("day", "provider", "status", "calls")
  SELECT date_bin(''1 day'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), coalesce(d."voice_provider_used", ''''), d."status", sum(d."n")
  FROM "d"
  WHERE TRUE
  GROUP BY 1, 2, 3
  HAVING sum(d."n") <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ("day", "provider", "status") DO UPDATE
  SET "calls" = r."calls" + EXCLUDED."calls"\073
  RETURN NULL\073
END
';

CREATE FUNCTION "call_rollups_on_update"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
WITH "d" AS (SELECT 1 AS "n", x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old") x UNION ALL SELECT -1, x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new") x)
  INSERT INTO "call_rollups" AS r ("workspace_id", "day", "agent_key", "calls", "queued", "ringing", "in_progress", "completed", "failed", "no_answer", "busy", "canceled", "inbound", "outbound", "duration_sum", "duration_count", "duration_max", "duration_min", "response_sum", "response_count", "positive", "neutral", "negative", "cost")
  SELECT d."workspace_id", date_bin(''1 day'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), coalesce(d."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid),
         sum(d."n"), sum(CASE WHEN d."status" = ''queued'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''ringing'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''in_progress'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''completed'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''failed'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''no_answer'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''busy'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''canceled'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."direction" = ''inbound'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."direction" = ''outbound'' THEN d."n" ELSE 0 END), coalesce(sum(d."n" * d."duration_seconds"), 0), sum(CASE WHEN d."duration_seconds" IS NOT NULL THEN d."n" ELSE 0 END), max(d."duration_seconds") FILTER (WHERE d."n" > 0), min(d."duration_seconds") FILTER (WHERE d."n" > 0), coalesce(sum(d."n" * d."avg_response_ms"), 0), sum(CASE WHEN d."avg_response_ms" IS NOT NULL THEN d."n" ELSE 0 END), sum(CASE WHEN d."sentiment" = ''positive'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."sentiment" = ''neutral'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."sentiment" = ''negative'' THEN d."n" ELSE 0 END), coalesce(sum(d."n" * d."cost_total"), 0)
  FROM "d"
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ("workspace_id", "day", "agent_key") DO UPDATE
  SET "calls" = r."calls" + EXCLUDED."calls", "queued" = r."queued" + EXCLUDED."queued", "ringing" = r."ringing" + EXCLUDED."ringing", "in_progress" = r."in_progress" + EXCLUDED."in_progress", "completed" = r."completed" + EXCLUDED."completed", "failed" = r."failed" + EXCLUDED."failed", "no_answer" = r."no_answer" + EXCLUDED."no_answer", "busy" = r."busy" + EXCLUDED."busy", "canceled" = r."canceled" + EXCLUDED."canceled", "inbound" = r."inbound" + EXCLUDED."inbound", "outbound" = r."outbound" + EXCLUDED."outbound", "duration_sum" = r."duration_sum" + EXCLUDED."duration_sum", "duration_count" = r."duration_count" + EXCLUDED."duration_count", "duration_max" = greatest(r."duration_max", EXCLUDED."duration_max"), "duration_min" = least(r."duration_min", EXCLUDED."duration_min"), "response_sum" = r."response_sum" + EXCLUDED."response_sum", "response_count" = r."response_count" + EXCLUDED."response_count", "positive" = r."positive" + EXCLUDED."positive", "neutral" = r."neutral" + EXCLUDED."neutral", "negative" = r."negative" + EXCLUDED."negative", "cost" = r."cost" + EXCLUDED."cost"\073
WITH "d" AS (SELECT 1 AS "n", x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old") x UNION ALL SELECT -1, x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new") x)
  -- A removed or changed call may have held its key''s longest or shortest duration: those
  -- keys take both again from the calls (one day of one workspace, in its covering index).
  UPDATE "call_rollups" r
  SET "duration_max" = (SELECT max(c."duration_seconds") FROM "calls" c
                        WHERE c."workspace_id" = r."workspace_id" AND c."started_at" >= r."day" AND c."started_at" < r."day" + interval ''1 day''
                          AND coalesce(c."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid) = r."agent_key"),
      "duration_min" = (SELECT min(c."duration_seconds") FROM "calls" c
                        WHERE c."workspace_id" = r."workspace_id" AND c."started_at" >= r."day" AND c."started_at" < r."day" + interval ''1 day''
                          AND coalesce(c."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid) = r."agent_key")
  FROM (SELECT d."workspace_id", date_bin(''1 day'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "day", coalesce(d."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid) AS "agent_key", max(d."duration_seconds") AS "mx", min(d."duration_seconds") AS "mn"
        FROM "d" WHERE d."n" < 0 GROUP BY 1, 2, 3) k
  WHERE r."workspace_id" = k."workspace_id" AND r."day" = k."day" AND r."agent_key" = k."agent_key"
    AND (k."mx" >= r."duration_max" OR k."mn" <= r."duration_min")\073
WITH "d" AS (SELECT 1 AS "n", x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old") x UNION ALL SELECT -1, x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new") x)
  DELETE FROM "call_rollups" r
  USING (SELECT DISTINCT d."workspace_id", date_bin(''1 day'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "day", coalesce(d."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid) AS "agent_key" FROM "d" WHERE d."n" < 0) k
  WHERE r."workspace_id" = k."workspace_id" AND r."day" = k."day" AND r."agent_key" = k."agent_key" AND r."calls" = 0\073
WITH "d" AS (SELECT 1 AS "n", x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old") x UNION ALL SELECT -1, x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new") x)
  INSERT INTO "call_bucket_rollups" AS r ("workspace_id", "bucket_start", "calls")
  SELECT d."workspace_id", date_bin(''15 minutes'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), sum(d."n")
  FROM "d"
  WHERE TRUE
  GROUP BY 1, 2
  HAVING sum(d."n") <> 0
  ORDER BY 1, 2
  ON CONFLICT ("workspace_id", "bucket_start") DO UPDATE
  SET "calls" = r."calls" + EXCLUDED."calls"\073
WITH "d" AS (SELECT 1 AS "n", x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old") x UNION ALL SELECT -1, x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new") x)
  DELETE FROM "call_bucket_rollups" r
  USING (SELECT DISTINCT d."workspace_id" AS "workspace_id", date_bin(''15 minutes'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "bucket_start" FROM "d" WHERE d."n" < 0 AND TRUE) k
  WHERE r."workspace_id" = k."workspace_id" AND r."bucket_start" = k."bucket_start" AND r."calls" = 0\073
WITH "d" AS (SELECT 1 AS "n", x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old") x UNION ALL SELECT -1, x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new") x)
  INSERT INTO "call_agent_bucket_rollups" AS r ("workspace_id", "agent_key", "bucket_start", "calls")
  SELECT d."workspace_id", coalesce(d."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid), date_bin(''15 minutes'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), sum(d."n")
  FROM "d"
  WHERE TRUE
  GROUP BY 1, 2, 3
  HAVING sum(d."n") <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ("workspace_id", "agent_key", "bucket_start") DO UPDATE
  SET "calls" = r."calls" + EXCLUDED."calls"\073
WITH "d" AS (SELECT 1 AS "n", x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old") x UNION ALL SELECT -1, x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new") x)
  DELETE FROM "call_agent_bucket_rollups" r
  USING (SELECT DISTINCT d."workspace_id" AS "workspace_id", coalesce(d."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid) AS "agent_key", date_bin(''15 minutes'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "bucket_start" FROM "d" WHERE d."n" < 0 AND TRUE) k
  WHERE r."workspace_id" = k."workspace_id" AND r."agent_key" = k."agent_key" AND r."bucket_start" = k."bucket_start" AND r."calls" = 0\073
WITH "d" AS (SELECT 1 AS "n", x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old") x UNION ALL SELECT -1, x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new") x)
  INSERT INTO "call_intent_rollups" AS r ("workspace_id", "day", "agent_key", "intent", "calls")
  SELECT d."workspace_id", date_bin(''1 day'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), coalesce(d."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid), d."intent", sum(d."n")
  FROM "d"
  WHERE d."intent" IS NOT NULL
  GROUP BY 1, 2, 3, 4
  HAVING sum(d."n") <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("workspace_id", "day", "agent_key", "intent") DO UPDATE
  SET "calls" = r."calls" + EXCLUDED."calls"\073
WITH "d" AS (SELECT 1 AS "n", x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old") x UNION ALL SELECT -1, x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new") x)
  DELETE FROM "call_intent_rollups" r
  USING (SELECT DISTINCT d."workspace_id" AS "workspace_id", date_bin(''1 day'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "day", coalesce(d."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid) AS "agent_key", d."intent" AS "intent" FROM "d" WHERE d."n" < 0 AND d."intent" IS NOT NULL) k
  WHERE r."workspace_id" = k."workspace_id" AND r."day" = k."day" AND r."agent_key" = k."agent_key" AND r."intent" = k."intent" AND r."calls" = 0\073
WITH "d" AS (SELECT 1 AS "n", x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old") x UNION ALL SELECT -1, x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new") x)
  INSERT INTO "platform_call_rollups" AS r ("day", "provider", "status", "calls")
  SELECT date_bin(''1 day'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), coalesce(d."voice_provider_used", ''''), d."status", sum(d."n")
  FROM "d"
  WHERE TRUE
  GROUP BY 1, 2, 3
  HAVING sum(d."n") <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ("day", "provider", "status") DO UPDATE
  SET "calls" = r."calls" + EXCLUDED."calls"\073
WITH "d" AS (SELECT 1 AS "n", x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old") x UNION ALL SELECT -1, x.* FROM (SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old" EXCEPT SELECT "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_new") x)
  DELETE FROM "platform_call_rollups" r
  USING (SELECT DISTINCT date_bin(''1 day'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "day", coalesce(d."voice_provider_used", '''') AS "provider", d."status" AS "status" FROM "d" WHERE d."n" < 0 AND TRUE) k
  WHERE r."day" = k."day" AND r."provider" = k."provider" AND r."status" = k."status" AND r."calls" = 0\073
  RETURN NULL\073
END
';

CREATE FUNCTION "call_rollups_on_delete"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
WITH "d" AS (SELECT -1 AS "n", "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old")
  INSERT INTO "call_rollups" AS r ("workspace_id", "day", "agent_key", "calls", "queued", "ringing", "in_progress", "completed", "failed", "no_answer", "busy", "canceled", "inbound", "outbound", "duration_sum", "duration_count", "duration_max", "duration_min", "response_sum", "response_count", "positive", "neutral", "negative", "cost")
  SELECT d."workspace_id", date_bin(''1 day'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), coalesce(d."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid),
         sum(d."n"), sum(CASE WHEN d."status" = ''queued'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''ringing'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''in_progress'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''completed'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''failed'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''no_answer'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''busy'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."status" = ''canceled'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."direction" = ''inbound'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."direction" = ''outbound'' THEN d."n" ELSE 0 END), coalesce(sum(d."n" * d."duration_seconds"), 0), sum(CASE WHEN d."duration_seconds" IS NOT NULL THEN d."n" ELSE 0 END), max(d."duration_seconds") FILTER (WHERE d."n" > 0), min(d."duration_seconds") FILTER (WHERE d."n" > 0), coalesce(sum(d."n" * d."avg_response_ms"), 0), sum(CASE WHEN d."avg_response_ms" IS NOT NULL THEN d."n" ELSE 0 END), sum(CASE WHEN d."sentiment" = ''positive'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."sentiment" = ''neutral'' THEN d."n" ELSE 0 END), sum(CASE WHEN d."sentiment" = ''negative'' THEN d."n" ELSE 0 END), coalesce(sum(d."n" * d."cost_total"), 0)
  FROM "d"
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ("workspace_id", "day", "agent_key") DO UPDATE
  SET "calls" = r."calls" + EXCLUDED."calls", "queued" = r."queued" + EXCLUDED."queued", "ringing" = r."ringing" + EXCLUDED."ringing", "in_progress" = r."in_progress" + EXCLUDED."in_progress", "completed" = r."completed" + EXCLUDED."completed", "failed" = r."failed" + EXCLUDED."failed", "no_answer" = r."no_answer" + EXCLUDED."no_answer", "busy" = r."busy" + EXCLUDED."busy", "canceled" = r."canceled" + EXCLUDED."canceled", "inbound" = r."inbound" + EXCLUDED."inbound", "outbound" = r."outbound" + EXCLUDED."outbound", "duration_sum" = r."duration_sum" + EXCLUDED."duration_sum", "duration_count" = r."duration_count" + EXCLUDED."duration_count", "duration_max" = greatest(r."duration_max", EXCLUDED."duration_max"), "duration_min" = least(r."duration_min", EXCLUDED."duration_min"), "response_sum" = r."response_sum" + EXCLUDED."response_sum", "response_count" = r."response_count" + EXCLUDED."response_count", "positive" = r."positive" + EXCLUDED."positive", "neutral" = r."neutral" + EXCLUDED."neutral", "negative" = r."negative" + EXCLUDED."negative", "cost" = r."cost" + EXCLUDED."cost"\073
WITH "d" AS (SELECT -1 AS "n", "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old")
  -- A removed or changed call may have held its key''s longest or shortest duration: those
  -- keys take both again from the calls (one day of one workspace, in its covering index).
  UPDATE "call_rollups" r
  SET "duration_max" = (SELECT max(c."duration_seconds") FROM "calls" c
                        WHERE c."workspace_id" = r."workspace_id" AND c."started_at" >= r."day" AND c."started_at" < r."day" + interval ''1 day''
                          AND coalesce(c."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid) = r."agent_key"),
      "duration_min" = (SELECT min(c."duration_seconds") FROM "calls" c
                        WHERE c."workspace_id" = r."workspace_id" AND c."started_at" >= r."day" AND c."started_at" < r."day" + interval ''1 day''
                          AND coalesce(c."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid) = r."agent_key")
  FROM (SELECT d."workspace_id", date_bin(''1 day'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "day", coalesce(d."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid) AS "agent_key", max(d."duration_seconds") AS "mx", min(d."duration_seconds") AS "mn"
        FROM "d" WHERE d."n" < 0 GROUP BY 1, 2, 3) k
  WHERE r."workspace_id" = k."workspace_id" AND r."day" = k."day" AND r."agent_key" = k."agent_key"
    AND (k."mx" >= r."duration_max" OR k."mn" <= r."duration_min")\073
WITH "d" AS (SELECT -1 AS "n", "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old")
  DELETE FROM "call_rollups" r
  USING (SELECT DISTINCT d."workspace_id", date_bin(''1 day'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "day", coalesce(d."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid) AS "agent_key" FROM "d" WHERE d."n" < 0) k
  WHERE r."workspace_id" = k."workspace_id" AND r."day" = k."day" AND r."agent_key" = k."agent_key" AND r."calls" = 0\073
WITH "d" AS (SELECT -1 AS "n", "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old")
  INSERT INTO "call_bucket_rollups" AS r ("workspace_id", "bucket_start", "calls")
  SELECT d."workspace_id", date_bin(''15 minutes'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), sum(d."n")
  FROM "d"
  WHERE TRUE
  GROUP BY 1, 2
  HAVING sum(d."n") <> 0
  ORDER BY 1, 2
  ON CONFLICT ("workspace_id", "bucket_start") DO UPDATE
  SET "calls" = r."calls" + EXCLUDED."calls"\073
WITH "d" AS (SELECT -1 AS "n", "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old")
  DELETE FROM "call_bucket_rollups" r
  USING (SELECT DISTINCT d."workspace_id" AS "workspace_id", date_bin(''15 minutes'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "bucket_start" FROM "d" WHERE d."n" < 0 AND TRUE) k
  WHERE r."workspace_id" = k."workspace_id" AND r."bucket_start" = k."bucket_start" AND r."calls" = 0\073
WITH "d" AS (SELECT -1 AS "n", "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old")
  INSERT INTO "call_agent_bucket_rollups" AS r ("workspace_id", "agent_key", "bucket_start", "calls")
  SELECT d."workspace_id", coalesce(d."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid), date_bin(''15 minutes'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), sum(d."n")
  FROM "d"
  WHERE TRUE
  GROUP BY 1, 2, 3
  HAVING sum(d."n") <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ("workspace_id", "agent_key", "bucket_start") DO UPDATE
  SET "calls" = r."calls" + EXCLUDED."calls"\073
WITH "d" AS (SELECT -1 AS "n", "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old")
  DELETE FROM "call_agent_bucket_rollups" r
  USING (SELECT DISTINCT d."workspace_id" AS "workspace_id", coalesce(d."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid) AS "agent_key", date_bin(''15 minutes'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "bucket_start" FROM "d" WHERE d."n" < 0 AND TRUE) k
  WHERE r."workspace_id" = k."workspace_id" AND r."agent_key" = k."agent_key" AND r."bucket_start" = k."bucket_start" AND r."calls" = 0\073
WITH "d" AS (SELECT -1 AS "n", "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old")
  INSERT INTO "call_intent_rollups" AS r ("workspace_id", "day", "agent_key", "intent", "calls")
  SELECT d."workspace_id", date_bin(''1 day'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), coalesce(d."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid), d."intent", sum(d."n")
  FROM "d"
  WHERE d."intent" IS NOT NULL
  GROUP BY 1, 2, 3, 4
  HAVING sum(d."n") <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("workspace_id", "day", "agent_key", "intent") DO UPDATE
  SET "calls" = r."calls" + EXCLUDED."calls"\073
WITH "d" AS (SELECT -1 AS "n", "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old")
  DELETE FROM "call_intent_rollups" r
  USING (SELECT DISTINCT d."workspace_id" AS "workspace_id", date_bin(''1 day'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "day", coalesce(d."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid) AS "agent_key", d."intent" AS "intent" FROM "d" WHERE d."n" < 0 AND d."intent" IS NOT NULL) k
  WHERE r."workspace_id" = k."workspace_id" AND r."day" = k."day" AND r."agent_key" = k."agent_key" AND r."intent" = k."intent" AND r."calls" = 0\073
WITH "d" AS (SELECT -1 AS "n", "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old")
  INSERT INTO "platform_call_rollups" AS r ("day", "provider", "status", "calls")
  SELECT date_bin(''1 day'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), coalesce(d."voice_provider_used", ''''), d."status", sum(d."n")
  FROM "d"
  WHERE TRUE
  GROUP BY 1, 2, 3
  HAVING sum(d."n") <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ("day", "provider", "status") DO UPDATE
  SET "calls" = r."calls" + EXCLUDED."calls"\073
WITH "d" AS (SELECT -1 AS "n", "id", "workspace_id", "agent_id", "status", "direction", "duration_seconds", "started_at", "sentiment", "voice_provider_used", "avg_response_ms", "cost_total", "intent" FROM "call_rollups_old")
  DELETE FROM "platform_call_rollups" r
  USING (SELECT DISTINCT date_bin(''1 day'', d."started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "day", coalesce(d."voice_provider_used", '''') AS "provider", d."status" AS "status" FROM "d" WHERE d."n" < 0 AND TRUE) k
  WHERE r."day" = k."day" AND r."provider" = k."provider" AND r."status" = k."status" AND r."calls" = 0\073
  RETURN NULL\073
END
';

-- TRUNCATE fires no transition-table trigger: empty the rollups with it (DELETE, not
-- TRUNCATE, as in migration usage_rollups).
CREATE FUNCTION "call_rollups_on_truncate"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "call_rollups"\073
  DELETE FROM "call_bucket_rollups"\073
  DELETE FROM "call_agent_bucket_rollups"\073
  DELETE FROM "call_intent_rollups"\073
  DELETE FROM "platform_call_rollups"\073
  RETURN NULL\073
END
';

CREATE TRIGGER "call_rollups_insert" AFTER INSERT ON "calls"
  REFERENCING NEW TABLE AS "call_rollups_new"
  FOR EACH STATEMENT EXECUTE FUNCTION "call_rollups_on_insert"();

CREATE TRIGGER "call_rollups_update" AFTER UPDATE ON "calls"
  REFERENCING OLD TABLE AS "call_rollups_old" NEW TABLE AS "call_rollups_new"
  FOR EACH STATEMENT EXECUTE FUNCTION "call_rollups_on_update"();

CREATE TRIGGER "call_rollups_delete" AFTER DELETE ON "calls"
  REFERENCING OLD TABLE AS "call_rollups_old"
  FOR EACH STATEMENT EXECUTE FUNCTION "call_rollups_on_delete"();

CREATE TRIGGER "call_rollups_truncate" AFTER TRUNCATE ON "calls"
  FOR EACH STATEMENT EXECUTE FUNCTION "call_rollups_on_truncate"();

-- platform_usage_rollups: usage of every workspace per UTC day and provider, kept by
-- triggers on usage_records of the same kind.

CREATE FUNCTION "platform_usage_rollups_on_insert"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
WITH "d" AS (SELECT 1 AS "n", "id", "created_at", "provider", "total_cost", "final_cost" FROM "platform_usage_rollups_new")
  INSERT INTO "platform_usage_rollups" AS r ("day", "provider", "record_count", "total_cost", "final_cost")
  SELECT date_bin(''1 day'', d."created_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), d."provider", sum(d."n"), sum(d."n" * d."total_cost"), sum(d."n" * d."final_cost")
  FROM "d"
  WHERE TRUE
  GROUP BY 1, 2
  HAVING sum(d."n") <> 0 OR sum(d."n" * d."total_cost") <> 0 OR sum(d."n" * d."final_cost") <> 0
  ORDER BY 1, 2
  ON CONFLICT ("day", "provider") DO UPDATE
  SET "record_count" = r."record_count" + EXCLUDED."record_count", "total_cost" = r."total_cost" + EXCLUDED."total_cost", "final_cost" = r."final_cost" + EXCLUDED."final_cost"\073
  RETURN NULL\073
END
';

CREATE FUNCTION "platform_usage_rollups_on_update"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
WITH "d" AS (SELECT 1 AS "n", x.* FROM (SELECT "id", "created_at", "provider", "total_cost", "final_cost" FROM "platform_usage_rollups_new" EXCEPT SELECT "id", "created_at", "provider", "total_cost", "final_cost" FROM "platform_usage_rollups_old") x UNION ALL SELECT -1, x.* FROM (SELECT "id", "created_at", "provider", "total_cost", "final_cost" FROM "platform_usage_rollups_old" EXCEPT SELECT "id", "created_at", "provider", "total_cost", "final_cost" FROM "platform_usage_rollups_new") x)
  INSERT INTO "platform_usage_rollups" AS r ("day", "provider", "record_count", "total_cost", "final_cost")
  SELECT date_bin(''1 day'', d."created_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), d."provider", sum(d."n"), sum(d."n" * d."total_cost"), sum(d."n" * d."final_cost")
  FROM "d"
  WHERE TRUE
  GROUP BY 1, 2
  HAVING sum(d."n") <> 0 OR sum(d."n" * d."total_cost") <> 0 OR sum(d."n" * d."final_cost") <> 0
  ORDER BY 1, 2
  ON CONFLICT ("day", "provider") DO UPDATE
  SET "record_count" = r."record_count" + EXCLUDED."record_count", "total_cost" = r."total_cost" + EXCLUDED."total_cost", "final_cost" = r."final_cost" + EXCLUDED."final_cost"\073
WITH "d" AS (SELECT 1 AS "n", x.* FROM (SELECT "id", "created_at", "provider", "total_cost", "final_cost" FROM "platform_usage_rollups_new" EXCEPT SELECT "id", "created_at", "provider", "total_cost", "final_cost" FROM "platform_usage_rollups_old") x UNION ALL SELECT -1, x.* FROM (SELECT "id", "created_at", "provider", "total_cost", "final_cost" FROM "platform_usage_rollups_old" EXCEPT SELECT "id", "created_at", "provider", "total_cost", "final_cost" FROM "platform_usage_rollups_new") x)
  DELETE FROM "platform_usage_rollups" r
  USING (SELECT DISTINCT date_bin(''1 day'', d."created_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "day", d."provider" AS "provider" FROM "d" WHERE d."n" < 0 AND TRUE) k
  WHERE r."day" = k."day" AND r."provider" = k."provider" AND r."record_count" = 0\073
  RETURN NULL\073
END
';

CREATE FUNCTION "platform_usage_rollups_on_delete"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
WITH "d" AS (SELECT -1 AS "n", "id", "created_at", "provider", "total_cost", "final_cost" FROM "platform_usage_rollups_old")
  INSERT INTO "platform_usage_rollups" AS r ("day", "provider", "record_count", "total_cost", "final_cost")
  SELECT date_bin(''1 day'', d."created_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00''), d."provider", sum(d."n"), sum(d."n" * d."total_cost"), sum(d."n" * d."final_cost")
  FROM "d"
  WHERE TRUE
  GROUP BY 1, 2
  HAVING sum(d."n") <> 0 OR sum(d."n" * d."total_cost") <> 0 OR sum(d."n" * d."final_cost") <> 0
  ORDER BY 1, 2
  ON CONFLICT ("day", "provider") DO UPDATE
  SET "record_count" = r."record_count" + EXCLUDED."record_count", "total_cost" = r."total_cost" + EXCLUDED."total_cost", "final_cost" = r."final_cost" + EXCLUDED."final_cost"\073
WITH "d" AS (SELECT -1 AS "n", "id", "created_at", "provider", "total_cost", "final_cost" FROM "platform_usage_rollups_old")
  DELETE FROM "platform_usage_rollups" r
  USING (SELECT DISTINCT date_bin(''1 day'', d."created_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "day", d."provider" AS "provider" FROM "d" WHERE d."n" < 0 AND TRUE) k
  WHERE r."day" = k."day" AND r."provider" = k."provider" AND r."record_count" = 0\073
  RETURN NULL\073
END
';

CREATE FUNCTION "platform_usage_rollups_on_truncate"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "platform_usage_rollups"\073
  RETURN NULL\073
END
';

CREATE TRIGGER "platform_usage_rollups_insert" AFTER INSERT ON "usage_records"
  REFERENCING NEW TABLE AS "platform_usage_rollups_new"
  FOR EACH STATEMENT EXECUTE FUNCTION "platform_usage_rollups_on_insert"();

CREATE TRIGGER "platform_usage_rollups_update" AFTER UPDATE ON "usage_records"
  REFERENCING OLD TABLE AS "platform_usage_rollups_old" NEW TABLE AS "platform_usage_rollups_new"
  FOR EACH STATEMENT EXECUTE FUNCTION "platform_usage_rollups_on_update"();

CREATE TRIGGER "platform_usage_rollups_delete" AFTER DELETE ON "usage_records"
  REFERENCING OLD TABLE AS "platform_usage_rollups_old"
  FOR EACH STATEMENT EXECUTE FUNCTION "platform_usage_rollups_on_delete"();

CREATE TRIGGER "platform_usage_rollups_truncate" AFTER TRUNCATE ON "usage_records"
  FOR EACH STATEMENT EXECUTE FUNCTION "platform_usage_rollups_on_truncate"();

-- Calls and usage recorded before this migration (the same aggregation as lib/db/rollups.ts).
INSERT INTO call_rollups ("workspace_id", "day", "agent_key", "calls", "queued", "ringing", "in_progress", "completed", "failed", "no_answer", "busy", "canceled", "inbound", "outbound", "duration_sum", "duration_count", "duration_max", "duration_min", "response_sum", "response_count", "positive", "neutral", "negative", "cost") 
  SELECT c.workspace_id AS "workspace_id", date_bin('1 day', c.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "day", coalesce(c.agent_id, '00000000-0000-0000-0000-000000000000'::uuid) AS "agent_key", count(*)::int AS "calls", (count(*) FILTER (WHERE c.status = 'queued'))::int AS "queued", (count(*) FILTER (WHERE c.status = 'ringing'))::int AS "ringing", (count(*) FILTER (WHERE c.status = 'in_progress'))::int AS "in_progress", (count(*) FILTER (WHERE c.status = 'completed'))::int AS "completed", (count(*) FILTER (WHERE c.status = 'failed'))::int AS "failed", (count(*) FILTER (WHERE c.status = 'no_answer'))::int AS "no_answer", (count(*) FILTER (WHERE c.status = 'busy'))::int AS "busy", (count(*) FILTER (WHERE c.status = 'canceled'))::int AS "canceled", (count(*) FILTER (WHERE c.direction = 'inbound'))::int AS "inbound", (count(*) FILTER (WHERE c.direction = 'outbound'))::int AS "outbound", coalesce(sum(c.duration_seconds), 0)::bigint AS "duration_sum", count(c.duration_seconds)::int AS "duration_count", max(c.duration_seconds) AS "duration_max", min(c.duration_seconds) AS "duration_min", coalesce(sum(c.avg_response_ms), 0)::bigint AS "response_sum", count(c.avg_response_ms)::int AS "response_count", (count(*) FILTER (WHERE c.sentiment = 'positive'))::int AS "positive", (count(*) FILTER (WHERE c.sentiment = 'neutral'))::int AS "neutral", (count(*) FILTER (WHERE c.sentiment = 'negative'))::int AS "negative", coalesce(sum(c.cost_total), 0)::numeric(18,6) AS "cost"
  FROM calls c
  WHERE (TRUE) AND TRUE
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3;

INSERT INTO call_bucket_rollups ("workspace_id", "bucket_start", "calls") 
  SELECT c.workspace_id AS "workspace_id", date_bin('15 minutes', c.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "bucket_start", count(*)::int AS "calls"
  FROM calls c
  WHERE (TRUE) AND TRUE
  GROUP BY 1, 2
  ORDER BY 1, 2;

INSERT INTO call_agent_bucket_rollups ("workspace_id", "agent_key", "bucket_start", "calls") 
  SELECT c.workspace_id AS "workspace_id", coalesce(c.agent_id, '00000000-0000-0000-0000-000000000000'::uuid) AS "agent_key", date_bin('15 minutes', c.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "bucket_start", count(*)::int AS "calls"
  FROM calls c
  WHERE (TRUE) AND TRUE
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3;

INSERT INTO call_intent_rollups ("workspace_id", "day", "agent_key", "intent", "calls") 
  SELECT c.workspace_id AS "workspace_id", date_bin('1 day', c.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "day", coalesce(c.agent_id, '00000000-0000-0000-0000-000000000000'::uuid) AS "agent_key", c.intent AS "intent", count(*)::int AS "calls"
  FROM calls c
  WHERE (TRUE) AND c.intent IS NOT NULL
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4;

INSERT INTO platform_call_rollups ("day", "provider", "status", "calls") 
  SELECT date_bin('1 day', c.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "day", coalesce(c.voice_provider_used, '') AS "provider", c.status AS "status", count(*)::int AS "calls"
  FROM calls c
  WHERE (TRUE) AND TRUE
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3;

INSERT INTO platform_usage_rollups ("day", "provider", "record_count", "total_cost", "final_cost") 
  SELECT date_bin('1 day', u.created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "day", u.provider AS "provider", count(*)::int AS "record_count", sum(u.total_cost) AS "total_cost", sum(u.final_cost) AS "final_cost"
  FROM usage_records u
  WHERE (TRUE) AND TRUE
  GROUP BY 1, 2
  ORDER BY 1, 2;

