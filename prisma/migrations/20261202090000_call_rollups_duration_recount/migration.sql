-- The call rollups' update trigger recounted the longest and shortest duration of every
-- (day, agent) key that a changed call had touched whenever that call held the key's
-- longest or shortest, even when only its cost, status or sentiment changed and its
-- duration stayed in the key. Ingestion updates calls.cost_total right after writing their
-- usage, so a batch of 500 calls of one busy day recounted that day of the workspace once
-- per agent: EXPLAIN ANALYZE of that update in the ingest bench's database (28,000 calls in
-- one day) gave 1,089 ms to the trigger and 40 ms to the update itself. Now only
-- durations that left their key, as a multiset (old rows EXCEPT ALL new rows, on key and
-- duration), can trigger the recount: a value still present after the statement keeps the
-- max and min exact. The rest of the function is as in migration call_rollups. Written by
-- hand (Prisma's diff ignores functions), with \073 for the semicolon (see usage_rollups).

CREATE OR REPLACE FUNCTION "call_rollups_on_update"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
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
WITH "gone" AS (SELECT "workspace_id", date_bin(''1 day'', "started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "day", coalesce("agent_id", ''00000000-0000-0000-0000-000000000000''::uuid) AS "agent_key", "duration_seconds" FROM "call_rollups_old" WHERE "duration_seconds" IS NOT NULL EXCEPT ALL SELECT "workspace_id", date_bin(''1 day'', "started_at", TIMESTAMPTZ ''2000-01-01 00:00:00+00'') AS "day", coalesce("agent_id", ''00000000-0000-0000-0000-000000000000''::uuid) AS "agent_key", "duration_seconds" FROM "call_rollups_new" WHERE "duration_seconds" IS NOT NULL)
  -- A duration that left its key (the call was removed, moved or its duration changed) may
  -- have been the key''s longest or shortest: those keys take both again from the calls (one
  -- day of one workspace, in its covering index). A call whose counted duration stayed in its
  -- key (a cost, status or sentiment change) leaves the same values behind: no recount.
  UPDATE "call_rollups" r
  SET "duration_max" = (SELECT max(c."duration_seconds") FROM "calls" c
                        WHERE c."workspace_id" = r."workspace_id" AND c."started_at" >= r."day" AND c."started_at" < r."day" + interval ''1 day''
                          AND coalesce(c."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid) = r."agent_key"),
      "duration_min" = (SELECT min(c."duration_seconds") FROM "calls" c
                        WHERE c."workspace_id" = r."workspace_id" AND c."started_at" >= r."day" AND c."started_at" < r."day" + interval ''1 day''
                          AND coalesce(c."agent_id", ''00000000-0000-0000-0000-000000000000''::uuid) = r."agent_key")
  FROM (SELECT g."workspace_id", g."day", g."agent_key", max(g."duration_seconds") AS "mx", min(g."duration_seconds") AS "mn"
        FROM "gone" g GROUP BY 1, 2, 3) k
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
