-- CreateTable
CREATE TABLE "subscription_history" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "from_status" "workspace_status",
    "to_status" "workspace_status" NOT NULL,
    "from_tier" TEXT,
    "to_tier" TEXT,
    "mrr_before" DECIMAL(18,6) NOT NULL DEFAULT 0,
    "mrr_after" DECIMAL(18,6) NOT NULL,
    "actor_user_id" UUID,
    "actor_label" TEXT NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscription_history_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateIndex
CREATE INDEX "subscription_history_workspace_id_occurred_at_idx" ON "subscription_history"("workspace_id", "occurred_at");

-- CreateIndex
CREATE INDEX "subscription_history_occurred_at_idx" ON "subscription_history"("occurred_at");

-- Written by hand (Prisma's diff ignores functions and triggers).
-- 1. Append-only, like audit_log: UPDATE and DELETE are refused by the database itself.
--    TRUNCATE (the demo seed replacing all data) stays possible for the operator.
CREATE FUNCTION "subscription_history_append_only"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''subscription_history is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\073
END
';

CREATE TRIGGER "subscription_history_no_update" BEFORE UPDATE ON "subscription_history"
  FOR EACH STATEMENT EXECUTE FUNCTION "subscription_history_append_only"();

CREATE TRIGGER "subscription_history_no_delete" BEFORE DELETE ON "subscription_history"
  FOR EACH STATEMENT EXECUTE FUNCTION "subscription_history_append_only"();

-- 2. A workspace is born with history: the state it is inserted with, at its created_at.
--    One inserted already cancelled (an import, a fixture) is taken to have been active
--    from created_at until cancelled_at, the estimate the admin console used before
--    history was kept. MRR = the tier's fee when active, yearly fees / 12 rounded to 6
--    places, else 0 (docs/METRICS.md).
CREATE FUNCTION "subscription_history_on_workspace_insert"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
DECLARE
  fee numeric\073
BEGIN
  SELECT CASE WHEN t."billing_interval" = ''year'' THEN round(t."monthly_fee" / 12, 6) ELSE t."monthly_fee" END
    INTO fee FROM "subscription_tiers" t WHERE t."tier_name" = NEW."subscription_tier"\073
  fee := coalesce(fee, 0)\073
  IF NEW."status" = ''cancelled'' AND NEW."cancelled_at" IS NOT NULL AND NEW."cancelled_at" > NEW."created_at" THEN
    INSERT INTO "subscription_history" ("workspace_id", "occurred_at", "kind", "from_status", "to_status", "from_tier", "to_tier", "mrr_before", "mrr_after", "actor_label")
    VALUES (NEW."id", NEW."created_at", ''created'', NULL, ''active'', NULL, NEW."subscription_tier", 0, fee, ''system''),
           (NEW."id", NEW."cancelled_at", ''cancelled'', ''active'', ''cancelled'', NEW."subscription_tier", NEW."subscription_tier", fee, 0, ''system'')\073
  ELSE
    INSERT INTO "subscription_history" ("workspace_id", "occurred_at", "kind", "from_status", "to_status", "from_tier", "to_tier", "mrr_before", "mrr_after", "actor_label")
    VALUES (NEW."id", NEW."created_at", ''created'', NULL, NEW."status", NULL, NEW."subscription_tier", 0,
            CASE WHEN NEW."status" = ''active'' THEN fee ELSE 0 END, ''system'')\073
  END IF\073
  RETURN NULL\073
END
';

CREATE TRIGGER "subscription_history_workspace_created" AFTER INSERT ON "workspaces"
  FOR EACH ROW EXECUTE FUNCTION "subscription_history_on_workspace_insert"();

-- 3. Workspaces that existed before this migration, the same way.
INSERT INTO "subscription_history" ("workspace_id", "occurred_at", "kind", "from_status", "to_status", "from_tier", "to_tier", "mrr_before", "mrr_after", "actor_label")
SELECT w."id", w."created_at", 'created', NULL,
       CASE WHEN w."status" = 'cancelled' AND w."cancelled_at" > w."created_at" THEN 'active'::"workspace_status" ELSE w."status" END,
       NULL, w."subscription_tier", 0,
       CASE WHEN w."status" = 'active' OR (w."status" = 'cancelled' AND w."cancelled_at" > w."created_at")
            THEN coalesce(CASE WHEN t."billing_interval" = 'year' THEN round(t."monthly_fee" / 12, 6) ELSE t."monthly_fee" END, 0) ELSE 0 END,
       'system'
FROM "workspaces" w LEFT JOIN "subscription_tiers" t ON t."tier_name" = w."subscription_tier"
ORDER BY w."id";

INSERT INTO "subscription_history" ("workspace_id", "occurred_at", "kind", "from_status", "to_status", "from_tier", "to_tier", "mrr_before", "mrr_after", "actor_label")
SELECT w."id", w."cancelled_at", 'cancelled', 'active', 'cancelled', w."subscription_tier", w."subscription_tier",
       coalesce(CASE WHEN t."billing_interval" = 'year' THEN round(t."monthly_fee" / 12, 6) ELSE t."monthly_fee" END, 0), 0, 'system'
FROM "workspaces" w LEFT JOIN "subscription_tiers" t ON t."tier_name" = w."subscription_tier"
WHERE w."status" = 'cancelled' AND w."cancelled_at" > w."created_at"
ORDER BY w."id";
